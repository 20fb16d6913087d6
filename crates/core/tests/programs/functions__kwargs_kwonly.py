def f(a, *, key=1, **extra):
    return a, key, extra


print(f(1), f(1, key=2), f(1, x=3, y=4))
