s = "hello world"
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print(repr(s.center(15)), repr(s.center(16, "*")), repr("ab".center(5, "-")), repr("abc".center(2)))
print(s.partition(" "), s.partition("x"), s.rpartition("o"), "a=b=c".partition("="), "a=b=c".rpartition("="))
print("hello WORLD it's 3rd".title(), "o'neil mc-donald".title(), s.capitalize(), "ÉCOLE".casefold(), s.swapcase())
print("a\nb\r\nc\rd\n\ne".splitlines(), "".splitlines(), "x\n".splitlines(), "x\n".split("\n"))
print(s.find("o"), s.rfind("o"), s.find("zz"), s.index("w"), s.count("o"), s.count(""), "aaaa".count("aa"))
print(s.replace("o", "0", 1), "a-b-c".split("-", 1), "a-b-c".rsplit("-", 1), "  x  y ".split(), " a ".strip(), "xxhixx".strip("x"))
print("abc".ljust(6, ".") + "|", "abc".rjust(6) + "|", "Hello".startswith(("He", "x")), "file.py".endswith((".txt", ".py")))
print("-".join(["a", "b"]), "".join([]), "ab".join("123"), "Tab".isalpha(), "12".isdigit(), "x1".isalnum(), "  ".isspace(), "Ab".islower(), "AB".isupper())
print("abc".removeprefix("a"), "abc".removesuffix("bc"), "abc".removeprefix("z"), "%d%%" % 5, "{:>4}|{:<4}|{:^4}".format(1, 2, 3))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
