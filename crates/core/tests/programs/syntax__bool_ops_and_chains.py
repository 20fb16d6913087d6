calls = []


def v(x):
    calls.append(x)
    return x


print(0 or "x", "" and 1, None or 0 or [], 1 and 2 and 3, not 0, not "a")
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(0) and v(1), v(1) or v(2), calls)
print(1 if v(0) else 2, "yes" if [0] else "no")
print(None is None, [] is not [], 1 in [1.0], "a" not in "abc", (1, 2) == (1, 2), [1] != [1])
print(1 < 2 == 2 > 1, 1 == 1 != 2, 3 > 2 > 1 > 0)
x = 5
print(0 < x <= 5, x > 3 and x < 4 or x == 5, not x == 5)
print(True == 1, False == 0, True is True, None == False, bool(None) == False)
