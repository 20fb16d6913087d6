import asyncio


async def boom(kind, d):
    await asyncio.sleep(d)
    if kind == "v":
        raise ValueError("v")
    if kind == "t":
        raise TypeError("t")
    return kind


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom("v", 0.1))
            tg.create_task(boom("t", 0.1))
            tg.create_task(boom("ok", 0.2))
    except ExceptionGroup as eg:
        print(str(eg))
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom("v", 0.1))
            tg.create_task(boom("t", 0.3))
    except ExceptionGroup as g:
        print("G", len(g.exceptions), repr(g.exceptions[0]), g.args[0])


asyncio.run(main())
