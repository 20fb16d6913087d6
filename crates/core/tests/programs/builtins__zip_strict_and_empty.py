print(list(zip([1, 2, 3], "ab")))
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], "ab", strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max([], key=len)
except ValueError as e:
    print("ValueError:", e)
print(max([], default="none"), min([4, 2], default=0), any([]), all([]), sum([]))
print(sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []))
