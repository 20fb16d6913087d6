import asyncio


async def bad(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"bad {n}")


async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(1, 4):
            tg.create_task(bad(n))


asyncio.run(main())
