try:
    try:
        {}["k"]
    except KeyError:
        raise LookupError("missing") from None
except LookupError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
e = RuntimeError("plain")
print(e.__suppress_context__, e.__cause__, e.__context__)
