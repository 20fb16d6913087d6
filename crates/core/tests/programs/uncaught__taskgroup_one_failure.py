import asyncio

async def ok(n):
    try:
        await asyncio.sleep(n)
        print("ok finished", n)
    except asyncio.CancelledError:
        print("ok cancelled", n)
        raise

async def bad():
    await asyncio.sleep(0.5)
    raise ZeroDivisionError("division failed")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(ok(0.2))
        tg.create_task(bad())
        tg.create_task(ok(2))
    print("unreachable")

asyncio.run(main())
