d = {"a": 1, "b": 2}
try:
    for k in d:
        d["z"] = 0
    print("no error", d)
except RuntimeError as e:
    print("RuntimeError", e)
d = {"a": 1, "b": 2}
try:
    for k in d:
        del d["b"]
    print("no error", d)
except RuntimeError as e:
    print("RuntimeError", e)
d = {"a": 1, "b": 2}
for k in d:
    d[k] = d[k] * 10
print(d)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
print(lst)
