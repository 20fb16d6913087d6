import asyncio


async def getter(q, name):
    try:
        v = await q.get()
        print(name, "got", v)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    g3 = asyncio.create_task(getter(q, "g3"))
    await asyncio.sleep(0.1)
    q.put_nowait("item1")
    g1.cancel()
    await asyncio.sleep(0)
    print("qsize after cancel", q.qsize())
    q.put_nowait("item2")
    await asyncio.gather(g1, g2, g3, return_exceptions=True)
    print("left", q.qsize())


asyncio.run(main())
