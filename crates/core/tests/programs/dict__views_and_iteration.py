d = {"a": 1, "b": 2, "c": 3}
ks = d.keys()
vs = d.values()
its = d.items()
print(ks, vs, its)
d["d"] = 4
print(len(ks), list(vs), ("d", 4) in its, "a" in ks)
print(sorted(d.items(), key=lambda kv: -kv[1]))
print(list(reversed(list(d))), list(zip(d, d.values())))
try:
    for k in d:
        if k == "a":
            d["z"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
e = {"x": 0, "y": 0}
print(e, dict(zip("ab", [1, 2])), {k: v for k, v in d.items() if v % 2})
nested = {"outer": {"inner": [1, {"deep": None}]}}
print(nested["outer"]["inner"][1]["deep"], nested)
print({1: "a"} == {1.0: "a"}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"b": 1, "a": 2}))
