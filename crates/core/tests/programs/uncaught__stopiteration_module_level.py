it = iter(range(2))
print(next(it), next(it))
print(next(it))
