import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(3):
                    await asyncio.sleep(2)
            except asyncio.CancelledError:
                print("inner saw CancelledError", loop.time())
                raise
            except TimeoutError:
                print("inner saw TimeoutError")
    except TimeoutError:
        print("outer TimeoutError", loop.time())
    try:
        async with asyncio.timeout(3):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(2)
            except TimeoutError:
                print("inner timeout first", loop.time())
            await asyncio.sleep(0.5)
            print("continue in outer", loop.time())
    except TimeoutError:
        print("outer timed out?")
    async with asyncio.timeout(0):
        print("no await: fine")
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
    except TimeoutError:
        print("timeout(0) with await", loop.time())
    try:
        async with asyncio.timeout(-5):
            print("body runs")
            await asyncio.sleep(10)
    except TimeoutError:
        print("negative timeout", loop.time())


asyncio.run(main())
