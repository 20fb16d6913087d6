import asyncio

async def main():
    for m in (0, -1, 1):
        q = asyncio.Queue(maxsize=m)
        n = 0
        while n < 5:
            try:
                q.put_nowait(n)
                n += 1
            except asyncio.QueueFull:
                break
        print("maxsize", m, "held", q.qsize(), "full", q.full(), "maxsize attr", q.maxsize)
    q = asyncio.Queue(2)
    getters = [asyncio.create_task(q.get()) for _ in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("a")
    q.put_nowait("b")
    print("after put_nowait, size", q.qsize())
    await asyncio.sleep(0)
    print([g.done() for g in getters], q.qsize())
    q.put_nowait("c")
    await asyncio.sleep(0)
    print([g.result() for g in getters])

asyncio.run(main())
