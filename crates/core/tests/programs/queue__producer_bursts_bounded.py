import asyncio


async def producer(q, name, bursts):
    loop = asyncio.get_running_loop()
    for b, size in enumerate(bursts):
        t0 = loop.time()
        for k in range(size):
            await q.put(f"{name}{b}.{k}")
        waited = loop.time() - t0
        print(f"{loop.time():.2f} {name} burst {b} of {size} queued (blocked {waited:.2f}s, qsize={q.qsize()})")
        await asyncio.sleep(0.5)


async def consumer(q, seen):
    while True:
        item = await q.get()
        await asyncio.sleep(0.1)
        seen.append(item)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=3)
    seen = []
    c = asyncio.create_task(consumer(q, seen))
    await asyncio.gather(producer(q, "A", [5, 1, 4]), producer(q, "B", [2, 3]))
    print(f"producers done, full={q.full()}, qsize={q.qsize()}")
    await q.join()
    c.cancel()
    print(f"{asyncio.get_running_loop().time():.2f} consumed {len(seen)}: {seen[:6]}...")
    print("last", seen[-1], "A count", sum(1 for s in seen if s.startswith("A")))


asyncio.run(main())
