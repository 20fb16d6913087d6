import asyncio


async def ok(n, d):
    await asyncio.sleep(d)
    return n


async def bad(d):
    await asyncio.sleep(d)
    raise RuntimeError(f"bad after {d}")


async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(ok(1, 0.1), name="ok1"), asyncio.create_task(bad(0.5), name="bad"), asyncio.create_task(ok(2, 1), name="ok2")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(loop.time(), sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in ts:
        if t.done():
            print(t.get_name(), repr(t.exception()))
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(loop.time(), len(done), len(pending))
    ts2 = [asyncio.create_task(ok(i, i * 0.1)) for i in range(3)]
    done, pending = await asyncio.wait(ts2, return_when=asyncio.FIRST_EXCEPTION)
    print(loop.time(), sorted(t.result() for t in done), len(pending))


asyncio.run(main())
