def two(a, b):
    return a + b


cases = [
    lambda: [1][3],
    lambda: (1,)[2],
    lambda: "ab"[5],
    lambda: {}["k"],
    lambda: {1: 2}[3],
    lambda: int("5.0"),
    lambda: int(""),
    lambda: float("abc"),
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: "a" * "b",
    lambda: 5(),
    lambda: None[0],
    lambda: len(5),
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, c=2),
    lambda: [].foo,
    lambda: {[1]: 2},
    lambda: -"x",
    lambda: "x" < 1,
    lambda: [1, 2].index(3),
    lambda: "abc".index("z"),
    lambda: {}.pop("k"),
    lambda: [].pop(),
    lambda: round("x"),
    lambda: sum(["a"]),
    lambda: max(),
    lambda: abs("x"),
    lambda: int(None),
    lambda: list(5),
    lambda: dict([1]),
    lambda: "{} {}".format(1),
    lambda: "{0} {}".format(1, 2),
    lambda: "%d" % "x",
    lambda: "%s %s" % (1,),
    lambda: f"{1:q}",
    lambda: range(1.5),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, e)


def setitem_str():
    s = "abc"
    s[0] = "x"


def setitem_tuple():
    t = (1,)
    t[0] = 2


def unpack_int():
    a, b = 5


def list_assign():
    l = []
    l[0] = 1


for f in (setitem_str, setitem_tuple, unpack_int, list_assign):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
