import asyncio


async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(1)
    try:
        async with cm:
            await asyncio.sleep(0.5)
            print("expired mid?", cm.expired())
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("caught", type(e).__name__, cm.expired(), loop.time())
    cm = asyncio.timeout(1)
    async with cm:
        await asyncio.sleep(0.2)
    print("after ok", cm.expired())
    try:
        async with asyncio.timeout(0.5):
            raise KeyError("inside")
    except KeyError as e:
        print("keyerror passes through", repr(e))
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("cause", type(e.__cause__).__name__, e.args)


asyncio.run(main())
