# Reading a captured variable before it is bound: in the function that owns
# it, an UnboundLocalError (it is a local to CPython); in the one that reads
# it from an enclosing scope, a NameError about a free variable.
def outer():
    try:
        print(y)
    except Exception as e:
        print(type(e).__name__, e)
    def inner():
        return y
    try:
        inner()
    except Exception as e:
        print(type(e).__name__, e)
    y = 1
    print(inner())

outer()

def outer2():
    def inner():
        print(z)
    inner()
    z = 2

try:
    outer2()
except NameError as e:
    print(type(e).__name__, e)
