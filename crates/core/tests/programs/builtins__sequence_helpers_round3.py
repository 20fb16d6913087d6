print(list(enumerate("abc", -1)), list(zip("ab", [1, 2, 3], (True, False))), list(map(lambda a, b: a * b, [1, 2, 3], "xyz")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(reversed({"k1": 1, "k2": 2})), list(reversed(range(1, 10, 3))), "".join(reversed("abc")))
L = [5, 1, 5, 2, 5]
print(L.index(5, 1), L.index(5, 3, 5), L.count(5), L.pop(-2), L)
L.insert(100, "end"); L.insert(-100, "start"); L.insert(-1, "before-last")
print(L, L.copy() == L, L.copy() is L)
L.clear()
print(L, [1, 2] * 2, [[]] * 2)
d = dict(a=1, b=2)
d.update([("c", 3), ("a", 0)])
print(d, d.pop("zz", "default"), d.pop("a"), d, dict(zip("xy", (1, 2))), dict([("k", "v")], extra=1))
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:3], tuple("ab"), tuple(range(3)))
print(type(1) == int, type(1) is int, type("s") is str, type([]) == list, isinstance(1.0, (int, float)), isinstance("x", (list, tuple)))
print(float("infinity"), float("-Infinity"), float("NaN"), float("+1.5"), float("1_0.5"), int(" 0b101 ", 0), abs(-5.5), pow(2, 10), pow(2.0, -1))
for bad in [lambda: round(float("inf")), lambda: round(float("nan")), lambda: print("x", end=5), lambda: print("x", sep=3)]:
    try:
        bad()
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []), min("bca"), max([1, 3, 2], default=0))
print(list(range(10, 0, -3)), range(5)[-1], range(2, 8)[1:4], len(range(0, -10, -2)), list(range(0)))
