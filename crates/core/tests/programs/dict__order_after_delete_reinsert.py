d = {}
for k in "abcde":
    d[k] = ord(k)
del d["b"]
del d["d"]
d["b"] = 0
d["a"] = -1
print(d)
print(list(d.keys()), list(d.values()))
print({k: v for k, v in d.items() if v > 0})
print([f"{k}={v}" for k, v in sorted(d.items(), key=lambda kv: kv[1])])
d2 = dict(d)
d2.pop("a")
d2["a"] = 1
print(d2, d == d2, d2 == {"c": 99, "e": 101, "b": 0, "a": 1})
d3 = {1: "x", 1.0: "y", True: "z"}
print(d3)
d4 = dict(zip("xyz", range(3)))
d4.update({"x": 9}, w=5)
print(d4, d4.setdefault("x", 0), d4.setdefault("q", 7), d4)
print(d4.popitem(), d4, d4.get("nope"), d4.get("nope", "dflt"))
inv = {v: k for k, v in d4.items()}
print(inv)
