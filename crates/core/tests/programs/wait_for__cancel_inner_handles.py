import asyncio


async def stubborn():
    try:
        await asyncio.sleep(2)
    except asyncio.CancelledError:
        print("stubborn got cancel, cleaning up")
        await asyncio.sleep(0.5)
        print("stubborn cleanup done")
        raise


async def swallow():
    try:
        await asyncio.sleep(2)
    except asyncio.CancelledError:
        print("swallow: ignoring cancel")
    return "swallowed"


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(stubborn(), 1)
    except TimeoutError:
        print("timeout at", loop.time())
    try:
        r = await asyncio.wait_for(swallow(), 1)
        print("swallow result", r, loop.time())
    except TimeoutError:
        print("swallow timeout at", loop.time())


asyncio.run(main())
