import asyncio

async def failing():
    await asyncio.sleep(0.2)
    raise ValueError("child failed")

async def steady(n):
    try:
        await asyncio.sleep(n)
        return n
    except asyncio.CancelledError:
        print("steady", n, "cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            f = tg.create_task(failing())
            s = tg.create_task(steady(1))
            try:
                await f
            except ValueError as e:
                print("body saw", repr(e))
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print("body cancelled by group")
                raise
    except ExceptionGroup as eg:
        print("group:", eg, [repr(e) for e in eg.exceptions])
    print(f.exception(), s.cancelled())

asyncio.run(main())
