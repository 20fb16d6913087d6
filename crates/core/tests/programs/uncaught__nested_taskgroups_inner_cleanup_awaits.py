import asyncio

async def careful(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cleaning up")
        await asyncio.sleep(0.1)
        print(name, "cleaned at", asyncio.get_running_loop().time())
        raise

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(careful("inner-1"))

async def explode():
    await asyncio.sleep(0.5)
    raise IndexError("outer child failed")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(inner_group())
        tg.create_task(careful("outer-sibling"))
        tg.create_task(explode())

asyncio.run(main())
