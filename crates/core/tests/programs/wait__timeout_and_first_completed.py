import asyncio


async def ok(n, d):
    await asyncio.sleep(d)
    return n


async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(ok(i, d)) for i, d in enumerate([0.3, 0.1, 0.1, 2])]
    done, pending = await asyncio.wait(ts, timeout=0.05)
    print(loop.time(), len(done), len(pending))
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(loop.time(), sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(ts, timeout=1, return_when=asyncio.ALL_COMPLETED)
    print(loop.time(), sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(ts, timeout=0)
    print(loop.time(), len(done), len(pending))
    done, pending = await asyncio.wait(pending)
    print(loop.time(), [t.result() for t in done], len(pending))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError", e)


asyncio.run(main())
