import asyncio


async def guarded():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(5)
    except TimeoutError:
        print("guarded: TimeoutError")
        return "timeout"
    except asyncio.CancelledError:
        print("guarded: CancelledError")
        raise


async def main():
    t = asyncio.create_task(guarded())
    loop = asyncio.get_running_loop()
    loop.call_later(1, t.cancel)
    try:
        r = await t
        print("result", r)
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled())
    t2 = asyncio.create_task(guarded())
    await asyncio.sleep(0.5)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled", loop.time())


asyncio.run(main())
