cases = [
    lambda: "a".lower("x"), lambda: "a".isalpha(1), lambda: "a".title(1, 2),
    lambda: [].clear(1), lambda: [].extend(), lambda: [1].count(), lambda: [].insert(1),
    lambda: {}.items(1), lambda: {}.pop(), lambda: {}.setdefault(),
    lambda: set().add(), lambda: set().discard(1, 2), lambda: set().pop(1),
    lambda: "a".endswith(), lambda: sorted([], []), lambda: isinstance(1, int, 2),
    lambda: len(), lambda: "a".zfill(1, 2),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except TypeError as e:
        print(i, e)
print([3, 1].copy(), "ab".upper(), {1: 2}.get(1), [1, 2].index(2), sorted([2, 1]))
