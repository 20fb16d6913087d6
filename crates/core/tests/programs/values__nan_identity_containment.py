x = float("nan")
l = [x]
print(x in l, l.count(x), l.index(x), [x] == [x], (x,) == (x,), {"k": x} == {"k": x})
l.remove(x)
print(l, x == x)
