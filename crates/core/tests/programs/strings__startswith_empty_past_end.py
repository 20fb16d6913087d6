print("hello".startswith("", 5), "hello".startswith("", 6), "hello".endswith("", 6), "".startswith("", 1), "hi".find("", 3), "hi".count("", 3))
