people = [("ann", 31), ("bob", 25), ("cat", 31), ("dan", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(max([3, 1, 3]), min("hello"), max("b", "a", "c"), min([], default="none"), max([1, 2], default=0))
print(sorted([3.5, -1, 2, 0]), sorted(["b", "B", "a"]), sorted([(2, "a"), (1, "z"), (2, "0")]))
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum(range(101)), sum([[1], [2]], []))
print(list(reversed([1, 2, 3])), list(enumerate(["a", "b"], 1)), list(zip([1, 2, 3], "ab")))
print(len(range(0, 10, 3)), list(range(5, -5, -2)), range(3)[-1], 3 in range(5))
print(bool(0), bool([]), bool([0]), bool(""), bool(" "), bool(None), bool(0.0), bool({}))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", str), isinstance([], (list, tuple)))
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__, type(None).__name__, type({}).__name__, type(()).__name__)
print(int("-17"), int(2.99), int(-2.99), float("3"), str(0.1), repr(0.1), tuple("ab"), list((1, 2)), dict([("a", 1)]))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
print(abs(-0.0), round(-0.5), round(0.5), round(1.5), divmod(7, -2) if False else "", pow(2, 8) if False else 2 ** 8)
