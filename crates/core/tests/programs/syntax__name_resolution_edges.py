x = 1
def g():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 2
    return x
print(g())

def f():
    return helper()
try:
    f()
except NameError as e:
    print("NameError:", e)
def helper():
    return "helper defined later"
print(f())

def local_del():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(local_del())

counter = 3
def drop_global():
    global counter
    del counter
drop_global()
try:
    print(counter)
except NameError as e:
    print("NameError:", e)

def closure_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    z = 1
    return inner()
print(closure_unbound())
try:
    print(undefined_at_module)
except NameError as e:
    print("NameError:", e)
