log = []
def t(x):
    log.append(x)
    return x

e = enumerate(t(i) for i in range(5))
print("enumerate created", log)
for i, v in e:
    if i == 1:
        break
print("after break", log)
log.clear()
m = map(t, [10, 20, 30])
print("map created", log, next(m), log)
log.clear()
f = filter(lambda v: t(v) > 1, [0, 1, 2, 3])
print("filter created", log, next(f), log)
log.clear()
z = zip((t(i) for i in range(3)), "ab")
print("zip created", log, list(z), log)
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
print(list(mm))
rv = reversed(M)
M[0] = 99
print(list(rv))
