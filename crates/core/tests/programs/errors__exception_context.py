try:
    try:
        raise KeyError(1)
    except KeyError:
        raise ValueError("during")
except ValueError as v:
    print(repr(v), repr(v.__context__), v.__cause__)
