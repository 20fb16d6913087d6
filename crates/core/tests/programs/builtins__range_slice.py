r = range(0, 20, 3)
print(r[2:5], r[::-1], list(r[1::2]), r[-1], len(r[10:]))
