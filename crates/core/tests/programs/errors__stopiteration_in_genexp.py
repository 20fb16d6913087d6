it = iter([1, 2])
try:
    print(list(next(it) for _ in range(3)))
except RuntimeError as e:
    print("RuntimeError:", e)
it = iter([1, 2])
try:
    print([next(it) for _ in range(3)])
except StopIteration as e:
    print("StopIteration from list comprehension", repr(e))
def f():
    raise StopIteration("x")
try:
    f()
except StopIteration as e:
    print("plain function:", repr(e))
