# list.sort and sorted() make CPython's own comparisons (timsort, powersort
# merges, galloping): visible when the order is inconsistent (nan), when a
# comparison raises part-way, and when a key function looks at the list.
import asyncio

seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


def noisy(n, nan_every, spread):
    out = []
    x = 0.0
    for i in range(n):
        r = rand(10)
        if r < 3:
            x = float(rand(spread))
        elif r < 6:
            x = x + rand(3)
        elif r < 8:
            x = x - rand(3)
        if rand(nan_every) == 0:
            out.append(float("nan"))
        else:
            out.append(x)
    return out


def digest(xs):
    h = 0
    for i, x in enumerate(xs):
        v = -1 if x != x else int(x * 7) % 1000003
        h = (h * 31 + v + i) % 1000000007
    return h


async def main():
    nan = float("nan")
    print(sorted([3, nan, 1, 2]), sorted([nan, 2, 1]), sorted([2, 1, nan, 0], reverse=True))
    for n, every, spread in [(10, 4, 10), (63, 5, 100), (64, 5, 100), (65, 7, 5),
                             (200, 9, 1000), (1000, 13, 50), (2500, 40, 3000), (5000, 100, 20)]:
        xs = noisy(n, every, spread)
        a = sorted(xs)
        b = sorted(xs, reverse=True)
        c = sorted(xs, key=lambda v: -v)
        d = list(xs)
        d.sort(key=lambda v: (int(v) % 3 if v == v else 0, v))
        print(n, digest(a), digest(b), digest(c), digest(d), a[:3], b[-3:])
    # Equal keys keep their order, also reversed.
    pairs = [(rand(5), i) for i in range(300)]
    s = sorted(pairs, key=lambda p: p[0], reverse=True)
    print([p[1] for p in s[:12]], [p[1] for p in s[-12:]])
    # A comparison that raises stops the sort where CPython's stops: the list
    # keeps the partial order.
    for n, at in [(8, 5), (40, 17), (150, 90), (600, 333)]:
        xs = [rand(1000) for _ in range(n)]
        xs[at] = "x"
        for rev in (False, True):
            ys = list(xs)
            try:
                ys.sort(reverse=rev)
            except TypeError as e:
                print(n, rev, e, ys.index("x"), digest([v for v in ys if v != "x"]))
    try:
        sorted([1, 2, "a", 3])
    except TypeError as e:
        print("sorted:", e)
    # Tuples compare item by item; nan inside them too.
    ts = [(1, nan), (1, 2.0), (0, nan), (1, 1.0), (0, 0.0)]
    print(sorted(ts))
    # Sets sort by inclusion, a partial order.
    print(sorted([{1, 2, 3}, {1}, {2}, {1, 2}, set()], key=len) == sorted([{1, 2, 3}, {1}, {2}, {1, 2}, set()], key=len))
    print(sorted([{1, 2}, {3}, {1}, set()]))
    # The list is empty while it sorts, and changing it is an error.
    lst = [3, 1, 2]
    lst.sort(key=lambda v: (len(lst), v))
    print(lst)
    lst = [3, 1, 2]
    try:
        lst.sort(key=lambda v: lst.append(v) or v)
    except ValueError as e:
        print(e, lst)
    # A key that raises leaves the list as it was.
    lst = [3, 1, 0, 2]
    try:
        lst.sort(key=lambda v: 10 // v)
    except ZeroDivisionError as e:
        print(e, lst)


asyncio.run(main())
