def f(a, b=2, *rest):
    return (a, b, rest)


print(f(1), f(1, 3), f(1, 3, 4, 5), f(*[7, 8, 9]), f(b=5, a=6), f(1, *(2, 3)))


def g(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y


print(g(1), g(2), g(3, [0]), g(y=[9], x=4))


def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s


print(total(), total(1), total(1, 2, 3), total(*range(5)))
args = (1, 2)
print(f(*args, 3), max(*[4, 9, 2]), print is print)
try:
    f()
except TypeError as e:
    print("TypeError", e)
try:
    f(1, a=2)
except TypeError as e:
    print("TypeError", e)
try:
    g(1, z=3)
except TypeError as e:
    print("TypeError", e)


def noret():
    pass


print(noret(), (lambda: None)(), f.__name__ if False else "skip")
