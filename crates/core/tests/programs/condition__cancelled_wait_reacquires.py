import asyncio


async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print("waiter cancelled; holds lock again:", cond.locked())
            raise
    print("unreachable")


async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0.1)
    await cond.acquire()
    print("main holds lock")
    t.cancel()
    await asyncio.sleep(0.2)
    print("t done while main holds lock?", t.done())
    cond.release()
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled", cond.locked(), asyncio.get_running_loop().time())


asyncio.run(main())
