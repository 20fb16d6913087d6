import asyncio


async def putter(q, v):
    try:
        await q.put(v)
        print("put", v)
    except asyncio.CancelledError:
        print("putter", v, "cancelled")
        raise


async def main():
    q = asyncio.Queue(1)
    q.put_nowait(0)
    p1 = asyncio.create_task(putter(q, 1))
    p2 = asyncio.create_task(putter(q, 2))
    p3 = asyncio.create_task(putter(q, 3))
    await asyncio.sleep(0.1)
    p1.cancel()
    print("got", await q.get())
    await asyncio.sleep(0)
    print("qsize", q.qsize())
    print("got", await q.get())
    print("got", await q.get())
    await asyncio.gather(p1, p2, p3, return_exceptions=True)
    print("empty", q.empty())
    try:
        await asyncio.wait_for(q.put(9), 0.1) if False else None
        q.put_nowait(9)
        await asyncio.wait_for(q.put(10), 0.25)
    except TimeoutError:
        print("put timed out at", asyncio.get_running_loop().time(), q.qsize())


asyncio.run(main())
