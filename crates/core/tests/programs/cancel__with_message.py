import asyncio


async def sleeper():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("inside:", repr(e), e.args)
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside:", repr(e), e.args)
    t2 = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print("outside2:", repr(e))
    print(isinstance(asyncio.CancelledError(), Exception), isinstance(asyncio.CancelledError(), BaseException))


asyncio.run(main())
