a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
h, *mid, t = range(5)
print(first, rest, init, last, h, mid, t)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError", e)
d = {}
d["a"], d["b"] = 10, 20
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(d, lst)
m = n = []
m.append(1)
print(m, n, m is n)
print(*[1, 2], *"ab", sep=",")
print([*range(3), *[9]], (*"xy",), {**{"a": 1}, "b": 2})
