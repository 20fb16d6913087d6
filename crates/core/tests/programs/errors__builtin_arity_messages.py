cases = [
    lambda: abs(),
    lambda: len(),
    lambda: len([], []),
    lambda: ord(),
    lambda: repr(1, 2),
    lambda: "a".upper(1),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: {}.get(),
    lambda: "x".join("ab", "c"),
    lambda: "a".startswith(),
    lambda: [].index(),
    lambda: {}.keys(1),
    lambda: isinstance(1),
    lambda: sorted(),
    lambda: "a".zfill(),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except TypeError as e:
        print(i, e)
