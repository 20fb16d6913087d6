log = []
def v(x):
    log.append(x)
    return x

print(v(1) < v(2) < v(3), log)
log.clear()
print(v(3) < v(2) < v(5), log)
log.clear()
print(v(1) == v(1) != v(2) >= v(0), log)
log.clear()
print(v(0) < v(1) in [v(1)], log)
log.clear()
x = 5
print(1 < x <= 5, 1 < x < 5, 0 <= x is not None, "a" < "b" < "c" > "a")
print(not 1 < 2, (1 < 2) < 3, 1 < (2 < 3))
