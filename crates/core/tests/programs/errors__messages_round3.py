def two(a, b):
    return a + b

def opt(a, b=1):
    return a

def three(a, b, c):
    return a

def kwo(a, *, k):
    return a

def none():
    return 0

def unbound():
    if False:
        x = 1
    return x

cases = [
    lambda: 1 in 5,
    lambda: None.x,
    unbound,
    lambda: undefined_name,
    lambda: [1, 2].remove(3),
    lambda: (1, 2).index(3),
    lambda: {}.append(1),
    lambda: {}.pop("k"),
    lambda: {}.popitem(),
    lambda: two(1, a=2),
    lambda: three(),
    lambda: two(),
    lambda: opt(1, 2, 3),
    lambda: kwo(1),
    lambda: none(1),
    lambda: range("3"),
    lambda: range(0, 5, 0),
    lambda: [1]["a"],
    lambda: "abc"["a"],
    lambda: (1,)["a"],
    lambda: "a" - "b",
    lambda: {} > {},
    lambda: f"{None:>5}",
    lambda: f"{1.5:d}",
    lambda: f"{'s':,}",
    lambda: f"{'s':+}",
    lambda: f"{'s':=5}",
    lambda: isinstance(1, "int"),
    lambda: zip([1], 2),
    lambda: sum(["a", "b"], ""),
    lambda: ord("ab"),
    lambda: 5[0],
    lambda: len(5.0),
    lambda: [].pop(3),
    lambda: [1].pop(5),
    lambda: "x".join("ab", "c"),
    lambda: int("12", 1),
    lambda: sorted([3, None]),
    lambda: {"a": 1}["b"],
    lambda: ExceptionGroup("m", []),
    lambda: list(1),
    lambda: dict([1]),
    lambda: tuple(None),
    lambda: "abc".split(""),
    lambda: 1 / 0.0,
    lambda: 2 ** 0.5 // 0,
    lambda: abs(),
    lambda: round(1.5, "x"),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, "no error", r)
    except Exception as e:
        print(i, type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print("bare raise:", e)
