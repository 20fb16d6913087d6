def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return "big" if x > 10 else "small" if x > 5 else "tiny"

for v in [1, 7, 20, -3]:
    try:
        print(v, check(v))
    except AssertionError as e:
        print("AssertionError:", e)

try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError:", e, repr(e))
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e), str(e) == "")
x = None
print(x is None, x is not None, [] is not None, (x or "default"), (0 and "never"))
assert check(3) == "tiny"
assert 1 == 2, ("tuple", "message")
