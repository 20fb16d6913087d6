a = []
a.append(a)
b = []
b.append(b)
print(a == a, a in a)
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
