it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
g = (x * x for x in range(3))
print(list(g), list(g), sum(x for x in []))
d = {"a": 1, "b": 2}
ki = iter(d)
print(next(ki), list(ki))
s = iter("hey")
print("".join(c.upper() for c in s))
