import asyncio


async def worker(name, d, fail=False):
    try:
        await asyncio.sleep(d)
        if fail:
            raise ValueError(f"{name} failed")
        print("finished", name)
        return name
    except asyncio.CancelledError:
        print("cancelled", name)
        raise


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("i1", 0.5))
        tg.create_task(worker("i2", 0.2, fail=True))
    print("inner unreachable")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("o1", 1))
            tg.create_task(inner_group())
    except ExceptionGroup as eg:
        print("group", repr(eg))
        print("nested", type(eg.exceptions[0]).__name__, eg.exceptions[0].exceptions)
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())
