import asyncio

async def bad(n, exc):
    await asyncio.sleep(n)
    raise exc

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(0.3, KeyError("x")))
        tg.create_task(bad(0.3, TypeError("y")))
        tg.create_task(bad(0.1, ValueError("z")))

asyncio.run(main())
