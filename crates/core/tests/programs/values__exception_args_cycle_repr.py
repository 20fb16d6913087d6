l = []
e = ValueError("cyc", l)
l.append(e)
print(repr(e))
print(l)
d = {"err": KeyError("k")}
d["self"] = d
print(d)
