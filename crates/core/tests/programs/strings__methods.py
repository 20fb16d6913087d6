s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
t = "a,b,,c"
print(t.split(","), t.split(",", 1), "a b  c".split(), "  a  ".split(" "), t.rsplit(",", 1))
print("-".join(["x", "y", "z"]), "".join([]), ", ".join(str(i) for i in range(3)))
print("abc".upper(), "ABC".lower(), "hello world".title(), "hello".capitalize(), "AbC".swapcase())
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("a", "bb"))
print("hello".find("l"), "hello".find("z"), "hello".rfind("l"), "hello".index("e"), "hello".count("l"))
print("hello".startswith("he"), "hello".endswith(("x", "lo")))
print("42".isdigit(), "4a".isdigit(), "abc".isalpha(), "a1".isalnum(), " ".isspace(), "Ab".isupper(), "ab".islower())
print("ab".center(6, "*"), "ab".ljust(5, "."), "ab".rjust(5), "7".zfill(3), "-7".zfill(4))
print("a\nb\nc".splitlines(), "x=1".partition("="), "abc".partition("z"), "a.b.c".rpartition("."))
print("abcdef"[1:4], "abcdef"[::-1], "abcdef"[::2], "abcdef"[-2:], "abcdef"[10:], "abc"[-1])
print("ab" * 3, "a" + "b", "b" in "abc", "ab" < "b", "B" < "a", len("héllo"), "abc" == "abc")
print("Hello {}".format("x"), "x".join("abc"), list("hey"), sorted("cba"))
print("hello world".removeprefix("hello "), "file.py".removesuffix(".py"), "tab\tx".expandtabs(4))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError", e)
print(str(1) + str(2.5) + str(None) + str(True), ord("a"), chr(98))
for ch in "hi!":
    print(ch, end=".")
print()
