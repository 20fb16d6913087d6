xs = list(range(10))
del xs[2:5]
print(xs)
del xs[::2]
print(xs)
del xs[-1]
print(xs)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
d["b"] = 4
print(d, list(d))
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
ys = [1, 2, 3]
ys[1:2] = [7, 8, 9]
print(ys)
ys[::2] = ["x", "y", "z"]
print(ys)
try:
    ys[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
zs = [0, 1, 2, 3]
del zs[10:20]
print(zs)
a = 1
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
