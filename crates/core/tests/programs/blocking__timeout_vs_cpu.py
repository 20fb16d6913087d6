import asyncio
import time


async def main():
    try:
        async with asyncio.timeout(1):
            cpu(2)
            print("cpu finished inside timeout", time.monotonic())
            await asyncio.sleep(0)
            print("survived the first await?")
    except TimeoutError:
        print("TimeoutError at", time.monotonic())
    try:
        async with asyncio.timeout(1):
            cpu(2)
        print("no await after cpu: no timeout", time.monotonic())
    except TimeoutError:
        print("unexpected")
    r = await asyncio.wait_for(asyncio.sleep(0.5, "x"), 1)
    print(r, time.monotonic())


asyncio.run(main())
