# A function's captured locals get their cells only when a closure first
# captures them: before that they are read, written and deleted with the
# frame like plain locals, and after it the closure sees every change.
import asyncio


def before_and_after(n):
    n += 1          # written before any closure exists
    total = n * 2   # read before any closure exists
    get = lambda: (n, total)
    n += 10         # written after: the closure sees it
    total = [n]
    return get()


def only_on_one_path(flag, v):
    if not flag:
        return v + 1    # the closure is never made
    return (lambda: v * 3)()


def captured_in_a_loop():
    fs = []
    for i in range(3):
        x = i * i
        fs.append(lambda: x)
    x = "last"
    return [f() for f in fs]


def nested(a):
    b = a + 1

    def middle():
        c = b * 2
        return (lambda: (a, b, c))()
    b = b + 100
    return middle()


def never_captured_but_cell(v):
    items = [v, v + 1]
    if v > 100:
        return lambda: items
    items.append(v + 2)
    return sum(items)


def unbound_then_bound():
    try:
        print(y)
    except NameError:
        print("unbound: NameError")
    y = 5
    return (lambda: y)()


async def node(depth, fanout):
    if depth == 2:
        await asyncio.sleep(0.001 * fanout)
        return depth
    counts = await asyncio.gather(*(node(depth + 1, k) for k in range(fanout)))
    return depth + sum(counts)


async def keeps_its_arg(x):
    await asyncio.sleep(0)
    x = x * 2
    await asyncio.sleep(0)
    return [g() for g in [lambda: x]]


async def main():
    print(before_and_after(1))
    print(only_on_one_path(False, 4), only_on_one_path(True, 4))
    print(captured_in_a_loop())
    print(nested(1))
    print(never_captured_but_cell(1), never_captured_but_cell(200)())
    print(unbound_then_bound())
    print("tree", await node(0, 3))
    print(await asyncio.gather(keeps_its_arg(1), keeps_its_arg("a")))


asyncio.run(main())
