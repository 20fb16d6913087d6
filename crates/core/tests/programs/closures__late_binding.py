def make_counter():
    count = [0]

    def inc(step=1):
        count[0] += step
        return count[0]
    return inc


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())

funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([f() for f in funcs])

def bind(v):
    return lambda: v
print([g() for g in [bind(i) for i in range(3)]])

def adder(n):
    def add(x):
        return x + n
    return add
add5 = adder(5)
print(add5(1), adder(-1)(1), (lambda a, b=2: a * b)(4), (lambda *a: len(a))(1, 2, 3))

def outer():
    x = "outer"
    def inner():
        return x
    x = "changed"
    return inner()
print(outer())

def default_mutable(item, acc=[]):
    acc.append(item)
    return acc
print(default_mutable(1), default_mutable(2), default_mutable(3, []))
