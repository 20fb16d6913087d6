a = {3, 1, 4, 1, 5, 9, 2, 6}
b = set(range(0, 10, 2))
print(sorted(a), sorted(b), len(a))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a.isdisjoint({100}), 4 in a, 7 in a)
words = "the cat and the hat and the bat".split()
print(sorted(set(words)), len(set(words)), sorted({w[0] for w in words}))
s = set()
s.add("x"); s.add("x"); s.update(["y", "z"]); s.discard("q"); s.remove("y")
print(sorted(s), len(s), set() == set())
try:
    s.remove("nope")
except KeyError as e:
    print("KeyError:", e)
print(repr(set()), {1}, sorted(set("mississippi")))
