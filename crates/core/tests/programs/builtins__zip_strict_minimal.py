try:
    print(list(zip([1, 2, 3], "ab", strict=True)))
except ValueError as e:
    print("ValueError:", e)
