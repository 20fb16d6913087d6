# hash() by value and id() by object: equal values hash equal (a string
# built at run time too), numbers and tuples of numbers hash as in CPython,
# objects keep one id while they live and two live objects never share one.
import asyncio


async def work(n):
    await asyncio.sleep(0.1 * n)
    return n


async def main():
    a = "abc"
    b = "".join(["a", "b", "c"])
    print(hash(a) == hash(b), hash("abc") == hash("abc"), a == b)
    print(hash(1), hash(-1), hash(True), hash(False), hash(2**40), hash(-2**62), hash(2**62))
    print(hash(1.0) == hash(1), hash(0.5), hash(-1.5), hash(1e100), hash(float("inf")))
    print(hash((1, 2)), hash(()), hash((1, (2, 3.5), -1)), hash(range(1, 10, 2)))
    print(hash((1, "x")) == hash((1, "x")), hash(("a", b)) == hash(("a", "abc")))
    tasks = [asyncio.create_task(work(i)) for i in range(3)]
    print(len({id(t) for t in tasks}), all(id(t) == id(t) for t in tasks))
    print(hash(tasks[0]) == hash(tasks[0]), hash(tasks[0]) == id(tasks[0]) >> 4)
    lst = [1]
    d = {}
    x = lst
    print(id(lst) == id(lst), id(lst) != id(d), id(x) == id(lst), type(id(d)).__name__)
    print(len({id(a), id(lst), id(d), id(tasks[1]), id(main), id(None)}))
    for bad in ([1], {}, {1}, (1, [2]), {}.keys(), {}.items()):
        try:
            hash(bad)
        except TypeError as e:
            print(e)
    print(hash(range(1, 10, 2)) == hash(range(1, 11, 2)), {range(3): "r"}[range(0, 3)])
    print({(1, 2.0): "t"}[(1.0, 2)], {1.0: "one"}[True])
    print(await asyncio.gather(*tasks))


asyncio.run(main())
