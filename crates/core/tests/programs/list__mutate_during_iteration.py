L = [1, 2, 3, 4, 5, 6]
seen = []
for x in L:
    seen.append(x)
    if x % 2 == 0:
        L.remove(x)
print(L, seen)
Q = [1]
for x in Q:
    if x < 5:
        Q.append(x + 1)
print(Q)
R = [1, 2, 3]
out = []
for i, x in enumerate(R):
    out.append((i, x))
    if i == 0:
        R.insert(0, 0)
    if i > 4:
        break
print(out)
S = [3, 2, 1]
it = iter(S)
print(next(it))
S.clear()
print(next(it, "stopped"))
S.extend([7, 8])
print(next(it, "stays stopped"))
T = list(range(5))
for x in T[:]:
    T.remove(x)
print(T)
s = "abc"
for ch in s:
    s += ch.upper()
print(s)
