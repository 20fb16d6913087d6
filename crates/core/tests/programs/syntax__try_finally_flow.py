def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally runs before return")


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


def swallow_in_finally():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def else_clause(x):
    try:
        v = 10 // x
    except ZeroDivisionError:
        return "except"
    else:
        return f"else {v}"
    finally:
        print("finally", x)


print(ret_in_finally())
print(finally_overrides())
print(swallow_in_finally())
print(else_clause(2), else_clause(0))
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
n = 0
while True:
    n += 1
    try:
        if n > 2:
            break
    except Exception:
        pass
    else:
        print("else", n)
    finally:
        print("fin", n)
try:
    try:
        raise KeyError("k")
    except ValueError:
        print("wrong handler")
    finally:
        print("inner finally")
except (TypeError, KeyError) as e:
    print("outer caught", type(e).__name__, e)
try:
    raise ValueError
except ValueError as e:
    print("bare class raise", repr(e))
