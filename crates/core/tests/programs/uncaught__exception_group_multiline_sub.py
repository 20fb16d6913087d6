import asyncio

async def bad():
    raise KeyError("a\nb")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())

asyncio.run(main())
