print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675]])
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(-2.5), round(7, -1), round(15, -1), round(25, -1))
print(round(1234.5678, -2), round(5.5, 0), type(round(5.5)).__name__, type(round(5.5, 0)).__name__)
print(int(3.99), int(-3.99), int("  42 "), int("-0"), int("1_000"), int(True), float("  1e3 "), float("-inf"), float("nan") != float("nan"))
print(int("ff", 16), int("0x1f", 16), int("0b101", 0), int("z", 36), float(".5"), float("5."), float(7))
for bad in ["", "3.5", "1e3", "abc", " ", "0x10"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["", "1.2.3", "nanx", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 // 2, -7.5 % 2, divmod(-7, 2), 2 ** -1, 10 / 4, 9 / 3)
