import asyncio

async def check(kind):
    await asyncio.sleep(0.1)
    if kind == 1:
        raise KeyError()
    if kind == 2:
        raise KeyError(None)
    raise KeyError("a", "b")

async def main():
    for kind in (1, 2):
        try:
            await check(kind)
        except KeyError as e:
            print(kind, repr(e), "str:", str(e))
    await check(3)

asyncio.run(main())
