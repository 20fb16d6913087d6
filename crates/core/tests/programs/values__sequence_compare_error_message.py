try:
    print((1, None) < (1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    print([1, 2] < [1, "x"])
except TypeError as e:
    print("TypeError:", e)
print((1, 2) < (1, 2, 0), [None] == [None], (None,) < (None, 1))
