log = []
def t(x):
    log.append(x)
    return x

e = enumerate(t(i) for i in range(5))
print("enumerate:", list(log), next(e), list(log))
m = map(t, [10, 20, 30])
print("map:", list(log), next(m), list(log))
f = filter(t, [0, 0, 7, 8])
print("filter:", list(log), next(f), list(log))
R = [1, 2, 3]
out = []
for i, x in enumerate(R):
    out.append(x)
    if i == 0:
        R.append(4)
print(out)
M = [1, 2]
mm = map(lambda v: v * 10, M)
M.append(3)
rv = reversed(M)
M[0] = 99
print(list(mm), list(rv))
