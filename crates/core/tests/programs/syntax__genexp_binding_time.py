xs = [1, 2]
g = (x * 10 for x in xs)
xs = [3, 4]
print(list(g))
ys = [1]
g2 = (x + y for x in range(2) for y in ys)
ys = [100, 200]
print(list(g2))
try:
    g3 = (x for x in 5)
    print("created")
except TypeError as e:
    print("TypeError at creation:", e)
g4 = (1 / x for x in [1, 0, 2])
print(next(g4))
try:
    next(g4)
except ZeroDivisionError as e:
    print("ZeroDivisionError on second next:", e)
print(next(g4, "exhausted after error"))
i = "outer"
print([i for i in range(3)], i)
print([[(r, c) for c in range(r)] for r in range(3)])
print(sum(x for x in range(5) if x % 2), max((len(w), w) for w in "a bbb cc".split()))
