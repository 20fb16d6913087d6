import asyncio

# asyncio.run inside a key function: the queue's waiters wait outside the
# program's own loop run (a nested run), cancelled and woken as usual.


async def getter(q, name):
    try:
        v = await q.get()
        print(name, "got", v)
        return v
    except asyncio.CancelledError:
        print(name, "cancelled, qsize", q.qsize())
        raise


async def pingpong(n):
    q = asyncio.Queue(maxsize=1)

    async def producer():
        for i in range(n):
            await q.put(i)

    async def consumer():
        total = 0
        for _ in range(n):
            total += await q.get()
        return total

    _, total = await asyncio.gather(producer(), consumer())
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("a")
    g1.cancel()
    await asyncio.gather(g1, g2, return_exceptions=True)
    g3 = asyncio.create_task(getter(q, "g3"))
    g4 = asyncio.create_task(getter(q, "g4"))
    await asyncio.sleep(0)
    g3.cancel()
    q.put_nowait("b")
    await asyncio.gather(g3, g4, return_exceptions=True)
    print(n, "total", total)
    return total


print(sorted([3, 1, 2], key=lambda n: asyncio.run(pingpong(n * 10)) % 7))
