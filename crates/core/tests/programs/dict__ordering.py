d = {}
d["b"] = 1
d["a"] = 2
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()))
d["b"] = 10
print(d)
del d["b"]
d["b"] = 20
print(d)
print(d.pop("a"), d.pop("zz", "default"), d)
print(d.get("c"), d.get("q"), d.setdefault("c", 0), d.setdefault("n", []), d)
d.update({"x": 1, "c": 99})
d.update([("y", 2)])
print(d)
for k, v in d.items():
    print(k, "->", v)
print({k: v for k, v in zip("abc", range(3))}, dict(a=1, b=2), dict([(1, "one")]))
print({1: "a", 1.0: "b", True: "c"})
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(len(d), "x" in d, 1 in d, d == dict(d), {"a": 1} == {"a": 1.0})
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
c = d.copy()
c["new"] = True
print("new" in d, "new" in c)
print(d.popitem(), d)
d.clear()
print(d, {(1, 2): "tuple key", None: 0, 3.5: "f"})
counts = {}
for w in "the cat the dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
