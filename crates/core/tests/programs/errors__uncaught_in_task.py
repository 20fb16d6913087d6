import asyncio


async def bad():
    await asyncio.sleep(0.1)
    raise ZeroDivisionError("division by zero in task")


async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.5)
    print("task done", t.done(), repr(t.exception()))
    await t
    print("unreachable")


asyncio.run(main())
