import asyncio


async def late_put(q):
    await asyncio.sleep(1)
    q.put_nowait("late")
    print("put late")


async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(late_put(q))
    try:
        v = await asyncio.wait_for(q.get(), 0.5)
    except TimeoutError:
        print("get timed out", asyncio.get_running_loop().time())
    v = await asyncio.wait_for(q.get(), 1)
    print("got", v, asyncio.get_running_loop().time())
    await t


asyncio.run(main())
