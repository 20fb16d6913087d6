cases = [
    lambda: sorted([(1, None), (1, 2)]),
    lambda: sorted([(1, 2), (1, None)]),
    lambda: min([(0, "a"), (0, 1)]),
    lambda: max([[1, "x"], [1, 2]]),
    lambda: sorted([3, 1.5, True, 0, -2.5]),
    lambda: sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]),
    lambda: sorted(["b", "A", "a", "B"]),
    lambda: sorted(["b", "A", "a", "B"], key=lambda s: s.lower()),
    lambda: (1, 2) < (1, 2, 0),
    lambda: [1, 2] < [1, "x"],
    lambda: [None] == [None],
    lambda: (None,) < (None,),
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except TypeError as e:
        print(i, "TypeError:", e)
