def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(15)])


def make_acc():
    total = 0

    def add(x):
        nonlocal total
        total += x
        return total
    return add


acc = make_acc()
print(acc(1), acc(2), acc(10))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))


def apply(f, *args):
    return f(*args)


print(apply(lambda a, b: a - b, 10, 3), apply(max, 3, 9, 2), apply(len, "xyz"))
print(list(map(lambda v: v * 2, [1, 2])), list(filter(None, [0, 1, "", "a"])), list(map(str, range(3))))
