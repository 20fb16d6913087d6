d = {"a": 1}
print("lookup")
d[""]
