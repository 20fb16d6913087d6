calls = []
def key(k):
    calls.append(k)
    return k

d = {"a": 1}
d[key("a")] += 10
print(d, calls)
a = b = []
a += [1]
print(a, b, a is b)
c = [1]
e = c
c = c + [2]
print(c, e)
t = ([1],)
try:
    t[0] += [2]
except TypeError as err:
    print("TypeError:", err)
print(t)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
i = 0
L = [0, 0]
i, L[i] = 1, 5
print(i, L)
x, y = 1, 2
x, y = y, x
print(x, y)
old = [1, 2]
ref = old
old[0] = old = [5, 6]
print(old, ref)
def once():
    calls.append("once")
    return [0]
p = q = once()
p.append(1)
print(q, calls.count("once"))
s = [1, 2, 3]
s[:] = s
s.extend(s)
print(s, "ab" * -1 == "", [0] * 0)
n = 10
n //= 3
n **= 2
n %= 5
n <<= 3
n |= 1
print(n)
st = "x"
st *= 3
st += "y"
print(st)
