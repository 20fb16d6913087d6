L = [5, 1, 5, 2, 5]
print(L.index(5, 1), L.index(5, 3, 5), L.index(5, -2), (5, 1, 5).index(5, 1))
try:
    L.index(1, 2)
except ValueError as e:
    print("ValueError:", e)
