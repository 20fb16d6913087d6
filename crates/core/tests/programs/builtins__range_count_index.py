r = range(0, 20, 4)
print(r.count(8), r.count(9), r.index(12))
try:
    r.index(5)
except ValueError as e:
    print("ValueError:", e)
