# The instructions the compiler fuses (a number literal as the right operand,
# a single comparison as an if/while test, a for loop over a local, an await
# as a statement) on values other than numbers, on errors and in loops.
import asyncio


def arithmetic():
    s = "ab"
    print(s * 3, s + "c")
    lst = [1, 2]
    lst *= 2
    lst += [5]
    print(lst)
    x = 7
    print(x % 3, x % -3, -x % 3, x // 2, x / 2, x ** 2, x - 10, x * 1.5)
    y = 7.5
    y %= 2
    y += 1
    y -= 0.25
    y *= 2
    print(y, y / 4, y // 2, True + 1, False * 2.5)
    try:
        x % 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        None + 1
    except TypeError as e:
        print("TypeError:", e)
    zero = 0
    print(2 * s, 3 * [0], 1 - x, 2 ** x, 1.5 * x, 10 - True, 2 * (x + 1) % 5)
    try:
        1 / zero
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        1 - None
    except TypeError as e:
        print("TypeError:", e)


def tests(items):
    n = float("nan")
    if n < 1.0:
        print("nan < 1.0")
    if n != n:
        print("nan != nan")
    if "a" < "b":
        print("a < b")
    if [1, 2] < [1, 3]:
        print("lists compare")
    if 3 in items:
        print("3 in items")
    if 1 < 2 < 3:
        print("chained")
    if (1 if items else 2) < (3 if items else 0):
        print("conditional operands")
    k = 10
    while k > 0.5:
        k = k / 2
    print(k)
    try:
        if None < 1:
            print("never")
    except TypeError as e:
        print("TypeError:", e)


def loops(items):
    total = 0
    for i in range(10):
        if i == 2:
            continue
        if i == 8:
            break
        total += i
    else:
        print("not reached")
    for x in items:
        total += x
    else:
        total += 100
    for a, b in [(1, 2), (3, 4)]:
        total += a * b
    for c in "xyz":
        total += ord(c)
    for key in {"p": 1, "q": 2}:
        total += len(key)
    for g in (v * v for v in range(4)):
        total += g
    print(total, [i * i for i in range(6) if i % 2], {k: k + 1 for k in range(3)})


def check(n):
    if n == 2:
        raise ValueError("two")
    return n


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.5)
        await asyncio.sleep(0)
    return n


async def main():
    arithmetic()
    tests([1, 2, 3])
    loops([1, 2, 3])
    try:
        for z in (check(v) for v in range(5)):
            print("z", z)
    except ValueError as e:
        print("ValueError:", e)
    print(await asyncio.gather(ticker(2), ticker(3)))


asyncio.run(main())
