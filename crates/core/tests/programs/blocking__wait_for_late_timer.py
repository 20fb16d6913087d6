import asyncio
import time


async def job():
    await asyncio.sleep(1)
    return "job result"


async def hog():
    await asyncio.sleep(0.5)
    time.sleep(1)
    print("hog released loop at", time.monotonic())


async def main():
    asyncio.create_task(hog())
    try:
        r = await asyncio.wait_for(job(), 1.2)
        print("got", r, time.monotonic())
    except TimeoutError:
        print("timeout", time.monotonic())
    asyncio.create_task(hog())
    try:
        r = await asyncio.wait_for(job(), 1)
        print("got", r, time.monotonic())
    except TimeoutError:
        print("timeout", time.monotonic())


asyncio.run(main())
