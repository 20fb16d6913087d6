nan = float("nan")
print(max([1.0, nan]), max([nan, 1.0]), min(nan, 2))
print(sorted([3.0, nan, 1.0]), sorted([nan, 2.0, 1.0]))
print((nan, 1) < (nan, 2), [1, nan] < [1, 2])
