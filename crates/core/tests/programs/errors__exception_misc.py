try:
    raise ValueError("x")
except ValueError as e:
    print("in handler", e)
try:
    raise
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    try:
        raise KeyError(1)
    except KeyError:
        raise ValueError("during")
except ValueError as v:
    print(repr(v), v.__cause__)
eg = ExceptionGroup("many", [ValueError(1), TypeError("t")])
print(str(eg), repr(eg), len(eg.exceptions), eg.message)
eg1 = ExceptionGroup("one", [KeyError("k")])
print(str(eg1))
print(str(OSError("plain")), str(KeyError(("a", 1))), str(KeyError()), repr(TimeoutError()))
print(isinstance(eg, Exception), isinstance(KeyError("k"), LookupError), isinstance(ZeroDivisionError(), ArithmeticError))
