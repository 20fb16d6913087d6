import asyncio


async def fails():
    await asyncio.sleep(0.2)
    raise OSError("disk")


async def main():
    try:
        await asyncio.shield(fails())
    except OSError as e:
        print("outer got", repr(e))
    t = asyncio.create_task(fails())
    await asyncio.sleep(0.5)
    try:
        await asyncio.shield(t)
    except OSError as e:
        print("done task through shield", e)
    t2 = asyncio.create_task(asyncio.sleep(1))
    sh = asyncio.shield(t2)
    t2.cancel()
    try:
        await sh
    except asyncio.CancelledError:
        print("inner cancelled -> outer cancelled", sh.cancelled())


asyncio.run(main())
