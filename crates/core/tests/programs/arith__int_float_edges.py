vals = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (7, 7)]
for a, b in vals:
    print(a, b, a // b, a % b, a / b, divmod(a, b) if False else (a // b, a % b))
fvals = [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.5, 1), (1e300, 1e-300)]
for a, b in fvals:
    print(a, b, a // b, a % b, a / b)
print(2 ** 10, 2 ** -1, (-2) ** 3, (-8) ** (1 / 3) if False else 0, 2.0 ** 0.5, 10 ** 0, 0 ** 0)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2), round(1234.5678, -2), round(15, -1), round(25, -1))
print(round(1.0), type(round(1.5)).__name__, type(round(1.5, 1)).__name__, round(-0.4))
print(int(3.9), int(-3.9), int("  12 "), int(True), float(3), float("1e3"), float("-inf"))
print(abs(-3), abs(-3.5), abs(0), min(2, 1.0), max([1, 5, 3]), sum([0.1] * 10), sum([], 5))
print(1 == 1.0, 0.1 + 0.2 == 0.3, 3 < 4 < 5, 1 < 3 > 2, 5 > 4 > 6, True + True, 7 / 7)
print(10 ** 18, 9223372036854775807, -9223372036854775807 - 1)
print(1 << 10, 1024 >> 3, 6 & 3, 6 | 3, 6 ^ 3, ~5)
print(float("inf") > 10 ** 18, float("inf") - float("inf") != float("inf") - float("inf"))
print(0.1 * 3, 1.1 * 1.1, 1 / 3 * 3, 100 * 1.1, 3 * 0.1 == 0.3)
x = 5
x += 2
x *= 3
x -= 1
x //= 3
x %= 4
x **= 3
print(x)
y = 1.5
y /= 2
print(y)
