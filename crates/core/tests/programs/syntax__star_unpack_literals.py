a = [1, 2]
b = (3, 4)
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print([*a, *b, 5], (*a, 0), {**d1, **d2}, {**d2, "w": 0, **d1})
print(*a, *b, sep="-")
first, *mid, last = range(6)
print(first, mid, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [9]
print(head, rest)
(p, q), r = (1, 2), 3
print(p, q, r)
print(d1 | d2, d2 | d1)
d1 |= {"k": 5}
print(d1)
