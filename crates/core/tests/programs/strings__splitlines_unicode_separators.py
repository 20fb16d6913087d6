print("x\x1cy\x1dz\x1ew\x85v\u2028u\u2029t\x0bs\x0cr".splitlines())
print("a\x0bb".split("\n"), "a\u2028b".splitlines(True))
