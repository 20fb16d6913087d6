import asyncio

state = {"n": 0}


async def watcher(cond, target):
    async with cond:
        r = await cond.wait_for(lambda: state["n"] >= target)
        print("watcher", target, "sees", state["n"], r)


async def bumper(cond):
    for i in range(5):
        await asyncio.sleep(0.1)
        async with cond:
            state["n"] += 1
            print("bump", state["n"])
            cond.notify_all()


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(watcher(cond, 2), watcher(cond, 4), bumper(cond), watcher(cond, 0))
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), 0.3)
        except TimeoutError:
            print("cond wait timed out; locked again:", cond.locked())


asyncio.run(main())
