import asyncio


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    async with asyncio.timeout(0.5):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("swallowed the timeout's cancel at", loop.time())
    print("block exited normally; cancelling =", me.cancelling())
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("second timeout -> TimeoutError", loop.time())
    except asyncio.CancelledError:
        print("second timeout -> CancelledError", loop.time(), me.cancelling())
    print("end", me.cancelling())


asyncio.run(main())
