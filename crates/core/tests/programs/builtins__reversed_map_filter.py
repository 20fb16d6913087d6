xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(list(reversed(xs)), "".join(reversed("stressed")))
print(list(map(lambda v: v * 2, xs)))
print(list(filter(lambda v: v % 2, xs)))
print(list(map(str, range(3))), list(filter(None, [0, 1, "", "a", None, []])))
print(sum(map(abs, [-1, -2, 3])))
print(list(zip(*[(1, "a"), (2, "b")])))
print(sorted(xs, reverse=True)[:3], max(xs, key=lambda v: -v), min("bca"))
