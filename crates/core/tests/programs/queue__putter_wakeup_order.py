import asyncio


async def putter(q, v):
    print("putter", v, "start")
    await q.put(v)
    print("putter", v, "done")


async def main():
    q = asyncio.Queue(1)
    q.put_nowait("first")
    ts = [asyncio.create_task(putter(q, i)) for i in range(3)]
    await asyncio.sleep(0)
    for _ in range(4):
        print("get ->", q.get_nowait() if not q.empty() else "empty")
        await asyncio.sleep(0)
        print("after yield, qsize", q.qsize())
    await asyncio.gather(*ts)
    print("remaining", q.qsize())


asyncio.run(main())
