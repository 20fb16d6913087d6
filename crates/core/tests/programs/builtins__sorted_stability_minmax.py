people = [("ann", 30), ("bob", 25), ("cid", 30), ("dan", 25), ("eve", 35), ("fay", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: -p[1]))
words = ["bb", "a", "ccc", "dd", "e", "fff"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(min(words, key=len), max(words, key=len), min([], default="none"), max([], key=len, default=0))
print(max([3, 1, 3], key=lambda x: 0), min((2, "b"), (2, "a")), max("hello"), min(4, 2, 8), max(1, 2.0), max(2.0, 2))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max()
except TypeError as e:
    print("TypeError:", e)
xs = [5, 2, 9, 1]
xs.sort(key=lambda v: v % 3, reverse=True)
print(xs, sorted("banana"), sorted({"b": 1, "a": 2}), sorted([0.5, -1, 3, True, False]))
