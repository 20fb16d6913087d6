import asyncio


async def ok(v, d):
    await asyncio.sleep(d)
    return v


async def bad(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)


async def main():
    res = await asyncio.gather(ok(1, 0.2), bad("boom", 0.1), ok("x", 0), bad("late", 0.3), return_exceptions=True)
    for r in res:
        print(type(r).__name__, repr(r))
    res = await asyncio.gather(return_exceptions=True)
    print("empty", res)
    try:
        await asyncio.gather(bad("first", 0.2), bad("second", 0.1), ok(3, 0.5))
    except ValueError as e:
        print("caught", e, e.args)
    print("end")


asyncio.run(main())
