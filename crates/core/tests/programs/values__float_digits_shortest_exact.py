# repr, str, format, %-format and round of doubles whose digits are hard to get right: the
# shortest digits that read back (the nearest of them; a tie between two goes to the even
# digit; below a power of two the interval that reads back is half as wide), and the exact
# expansion behind the fixed and exponent formats and round().

# Powers of two by exact doubling and halving, from the least subnormal up.
p2 = [5e-324]
for _ in range(2097):
    p2.append(p2[-1] * 2.0)
tiny = p2[0]


def show(x):
    print(repr(x), str(-x), f"{x:.3f}", "%.17g" % x, "%e" % x, f"{x:.20e}", "%r" % x, f"{x:g}", round(x, 2))


hard = [
    5e-324, tiny * 2, tiny * 3, tiny * 1000, tiny * 4503599627370495, p2[52], p2[52] - tiny,
    0.1 + 0.2, 0.1, 0.2, 0.3, 2.675, 1e-7, 1e16, 1e22, 1e23, 9007199254740993.0,
    123456789012345678.0, 1.7976931348623157e308, p2[1049], 720130000000008.25,
    1125899906842624.25, 180948156507004.625, 1 / 3, 2 / 3, 1e-5, 1e-4, 1e15, 1e17, 5e-310,
    0.5, 1.5, 2.5, 1.0005, 1.0015, 1.0025, 9.95, 0.045, 1e21, 1e-300, 4.35 * 100, -0.0, 0.0,
    float("nan"), float("inf"), float("-inf"), 2.2250738585072014e-308, 8.98846567431158e307,
]
for x in hard:
    show(x)
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1e22, -22), round(5e-324, 323))
print(round(2.5), round(3.5), round(-0.5), round(1e16 + 2), round(0.1 + 0.2, 16))
print(f"{tiny:.1074f}")
print("%.400e" % p2[1074 + 1023])

# Powers of two, and the doubles on either side of them.
for k in list(range(0, len(p2), 3)) + [52, 53, 1074, 2097]:
    x = p2[k]
    if k >= 53:
        print(k - 1074, repr(x), repr(x * (1 - 2.0 ** -53)), repr(x * (1 + 2.0 ** -52)))
    else:
        print(k - 1074, repr(x), repr(x - tiny), repr(x + tiny))

# Multiples of the least subnormal.
print([tiny * k for k in range(1, 60)])

# Pseudo-random doubles of every exponent: m * 2**e with m of 53 bits.
seed = 12345


def rand31():
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed


for i in range(400):
    m = rand31() * 2 ** 22 + rand31() % 2 ** 22
    e = rand31() % 2046
    x = float(m) * p2[e]
    print(repr(x), f"{x:.17e}", "%.25g" % x, round(x, 3), f"{x:.6f}" if x < 1e30 else "")

# Integers and short decimals whose repr ties between two 17-digit strings.
for i in range(1, 400, 7):
    x = 2.0 ** 50 + i + 0.25
    y = 2.0 ** 49 + i * 0.125
    print(repr(x), repr(-y), repr(x / 1024), repr(i / 8 + 2.0 ** 52))
