try:
    a, b = 5
except TypeError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    [1] * 2.0
except TypeError as e:
    print(e)
