import asyncio


async def coro():
    return 1


async def main():
    async with asyncio.TaskGroup() as tg:
        pass
    c = coro()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError", e)
    await c


asyncio.run(main())
