import asyncio


async def ok(n, d):
    await asyncio.sleep(d)
    return n


async def bad(d):
    await asyncio.sleep(d)
    raise ValueError(d)


async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(ok("a", 0.3)), asyncio.create_task(bad(0.2)), asyncio.create_task(ok("b", 0.1))]
    for f in asyncio.as_completed(ts):
        try:
            print(loop.time(), "ok", await f)
        except ValueError as e:
            print(loop.time(), "err", repr(e))
    done = asyncio.create_task(ok("pre", 0))
    await asyncio.sleep(0)
    for f in asyncio.as_completed([done]):
        print(loop.time(), "pre-done", await f)


asyncio.run(main())
