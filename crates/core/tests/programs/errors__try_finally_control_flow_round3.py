def finally_return_overrides():
    try:
        return "try"
    finally:
        return "finally"

def finally_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return f"broke at {i}"

def continue_in_finally():
    seen = []
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError("skipped")
            seen.append(i)
        finally:
            continue
    return seen

def reraise_outer_after_inner():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        raise

def else_clause_raises():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        raise IndexError("from else")
    finally:
        print("  finally runs before propagation")

for f in (finally_return_overrides, finally_swallows_exception, break_in_finally, continue_in_finally,
          reraise_outer_after_inner, else_clause_raises):
    try:
        print(f.__name__, "->", f())
    except Exception as e:
        print(f.__name__, "raised", repr(e))

try:
    try:
        1 / 0
    except (KeyError, ZeroDivisionError) as e:
        print("tuple except:", type(e).__name__)
        errs = (TypeError, ArithmeticError)
        raise
except errs as e:
    print("except via variable tuple:", repr(e))
