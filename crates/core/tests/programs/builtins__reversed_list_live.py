L = [1, 2, 3, 4]
r = reversed(L)
print(next(r))
L[1] = 20
print(list(r))
L = [1, 2, 3, 4]
r = reversed(L)
next(r)
del L[1:]
print(list(r), list(r))
L = [1, 2]
r = reversed(L)
L.append(3)
print(list(r))
print(list(reversed([])), list(reversed((1, 2))), list(reversed("ab")), list(reversed(range(3))))
