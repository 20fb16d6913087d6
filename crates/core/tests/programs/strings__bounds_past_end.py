s = "hello"
print(s.find("l", 10), s.rfind("", 5), s.rfind("", 6), s.count("l", -100), s.count("", 5), s.count("", 6))
print(s.endswith("lo", 0, 5), s.endswith("lo", 0, 4), s.startswith("he", -5), s.startswith("he", -100, 1))
print(s.startswith(("x", ""), 5), s.endswith(("x", "o"), 2, 100), s.index("o", -1))
try:
    s.index("h", 1)
except ValueError as e:
    print(e)
print([1, 2, 3, 2].index(2, -2), [1, 2, 3].index(3, 0, 100), (1, 2, 1).index(1, 1, 3))
try:
    [1, 2, 3].index(1, 5)
except ValueError as e:
    print(e)
print({1} <= {1}, set() < {1}, {1, 2} > {2}, {1} >= {2}, set() <= set(), {1, 2} < {1, 3})
try:
    print({1} < [1])
except TypeError as e:
    print(e)
