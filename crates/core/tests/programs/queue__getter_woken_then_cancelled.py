import asyncio


async def getter(q, name):
    try:
        v = await q.get()
        print(name, "got", v)
    except asyncio.CancelledError:
        print(name, "cancelled; queue size", q.qsize())
        raise


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("only item")
    g1.cancel()
    await asyncio.sleep(0)
    print("after one pass: g2 done?", g2.done(), "qsize", q.qsize())
    await asyncio.sleep(0)
    print("after two passes: g2 done?", g2.done(), "qsize", q.qsize())
    await asyncio.gather(g1, g2, return_exceptions=True)
    print(g1.cancelled(), g2.done())


asyncio.run(main())
