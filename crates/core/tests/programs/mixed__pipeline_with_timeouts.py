import asyncio
import random
import time


async def producer(q, n):
    for i in range(n):
        await asyncio.sleep(random.uniform(0.05, 0.2))
        await q.put(i)
        print(f"{time.monotonic():.3f} produced {i} (qsize {q.qsize()})")
    await q.put(None)


async def stage(inq, outq, name):
    while True:
        item = await inq.get()
        if item is None:
            await outq.put(None)
            inq.task_done()
            return name
        try:
            async with asyncio.timeout(0.25):
                await asyncio.sleep(random.choice([0.1, 0.2, 0.3]))
                cpu(0.01)
            await outq.put(item * 10)
        except TimeoutError:
            print(f"{time.monotonic():.3f} {name} dropped {item}")
        inq.task_done()


async def sink(q):
    got = []
    while True:
        item = await q.get()
        if item is None:
            break
        got.append(item)
    return got


async def main():
    random.seed(7)
    a = asyncio.Queue(2)
    b = asyncio.Queue(2)
    c = asyncio.Queue()
    results = await asyncio.gather(producer(a, 8), stage(a, b, "s1"), stage(b, c, "s2"), sink(c))
    print(results, f"{time.monotonic():.3f}")


asyncio.run(main())
