import asyncio


async def ok(n, d):
    await asyncio.sleep(d)
    return n


async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(ok(i, d)) for i, d in enumerate([0.4, 0.1, 0.3, 5])]
    try:
        for f in asyncio.as_completed(ts, timeout=1):
            r = await f
            print(loop.time(), "got", r)
    except TimeoutError as e:
        print(loop.time(), "timeout", repr(e))
    print([t.done() for t in ts])
    for f in asyncio.as_completed([ok("x", 0.25), ok("y", 0.1), ok("z", 0.2)]):
        print(loop.time(), await f)


asyncio.run(main())
