import asyncio


async def worker(name, d):
    try:
        await asyncio.sleep(d)
        print("finished", name)
    except asyncio.CancelledError:
        if name == "w1":
            print("cancelled", name)
        raise


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("w1", 2))
            tg.create_task(worker("w2", 3))
            await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("parent cancelled", asyncio.current_task().cancelling())
        raise


async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: parent cancelled", t.cancelled())


asyncio.run(main())
