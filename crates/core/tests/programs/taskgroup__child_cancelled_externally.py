import asyncio


async def worker(name, d):
    await asyncio.sleep(d)
    print(name, "done")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 1))
        b = tg.create_task(worker("b", 0.5))
        await asyncio.sleep(0.1)
        a.cancel()
    print("group ok", a.cancelled(), b.result(), asyncio.get_running_loop().time())


asyncio.run(main())
