def f(a, b, c=0, *rest, **kw):
    return (a, b, c, rest, sorted(kw.items()))

args = [1, 2]
more = (3, 4, 5)
print(f(*args))
print(f(*args, *more))
print(f(*more, x=1, **{"y": 2}))
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
print([*args, *more, *"xy"], (*args,), {**{"a": 1}, "b": 2, **{"a": 3}})
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, *q, r = [1]
except ValueError as e:
    print("ValueError:", e)
