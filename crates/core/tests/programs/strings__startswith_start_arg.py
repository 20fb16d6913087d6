print("abc".startswith("b", 1), "abc".endswith("b", 0, 2), "hello".find("l", 3), "hello".count("l", 0, 3))
