s = "a b  c d"
print(s.split(None, 1), s.rsplit(None, 1), s.split(" ", 2), s.rsplit(" ", 2), s.split(maxsplit=2), " x ".strip(None))
print("abcabc".find("c", -1), "abcabc".find("a", -3, -1), "abcabc".rfind("b", 0, 3), "abcabc".index("c", 3), "abcabc".rindex("a", 0, 4))
print("abcabc".count("b", -3), "abcabc".count("", 2, 4), "aaa".replace("a", "b", -1), "aaa".replace("a", "b", 0), "aaa".replace("", "-"))
print("xxhixx".lstrip("x"), "xxhixx".rstrip("x"), "line\n\n".rstrip("\n"), "\t a \n".lstrip(), "abc".strip("cab"), "abc".strip(""))
print("hello".startswith(("x", "l"), 2), "hello".startswith("", 5), "hello".startswith("", 6), "hello".endswith("l", 0, 4), "hello".endswith(("o", "z"), -1))
print("a,b,,c".split(","), ",a,".split(","), "".split(","), "".split(), "  ".split(" "), "a\tb\nc d".split())
print("%-6s|%6.2f|%+d|%x|%o|%e|%%|%5s|%.1s" % ("ab", 3.14159, 5, 255, 8, 12345.678, "abc", "xyz"))
