r = range(10)
print(r.index(3.0), r.count(True), r.count("a"), (2.5 in r), r.index(True))
try:
    r.index("a")
except ValueError as e:
    print(e)
try:
    r.count()
except TypeError as e:
    print(e)
print(range(-5, 5, 3).index(4), 9 in range(10, 0, -1), 10 in range(10, 0, -1), 0 in range(10, 0, -1))
