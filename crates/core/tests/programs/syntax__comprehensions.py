print([x * y for x in range(3) for y in range(3) if x != y])
print([[i * j for j in range(3)] for i in range(3)])
print({x: x ** 2 for x in range(4)})
print(sum(x for x in range(10) if x % 3 == 0), max(len(w) for w in ["a", "abc", "ab"]))
print([(i, c) for i, c in enumerate("ab")], [a + b for a, b in zip([1, 2], [10, 20])])
print(list(x for x in "hey"), tuple(i for i in range(3)), [i for i in []])
x = 10
print([x for x in range(3)], x)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
print(any(x > 2 for x in range(4)), all(x > 2 for x in range(4)), any([]), all([]))
print(sorted([(b, a) for a, b in {"x": 3, "y": 1, "z": 2}.items()]))
print([y for row in [[1, 2], [3]] for y in row], [c.upper() for c in "abc" if c != "b"])
print([i if i % 2 else -i for i in range(5)])
