for label, f in [
    ("sorted", lambda: sorted([1, "a"])),
    ("sorted3", lambda: sorted([2, 1, "a"])),
    ("min", lambda: min(1, "a")),
    ("max", lambda: max([1, "a"])),
    ("lt", lambda: 1 < "a"),
    ("list.sort", lambda: ["b", 2].sort()),
]:
    try:
        f()
    except TypeError as e:
        print(label, e)
