import asyncio

async def bad(msg):
    await asyncio.sleep(0.1)
    raise RuntimeError(msg)

async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad("inner-a"))
        tg.create_task(bad("inner-b"))

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(inner())
        tg.create_task(bad("outer"))

asyncio.run(main())
