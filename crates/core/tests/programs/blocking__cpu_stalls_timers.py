import asyncio
import time


async def ticker():
    for i in range(4):
        await asyncio.sleep(0.3)
        print("tick", i, f"{time.monotonic():.2f}")


async def hog():
    await asyncio.sleep(0.1)
    print("hog starts", time.monotonic())
    cpu(1)
    print("hog done", time.monotonic())
    time.sleep(0.25)
    print("hog slept", time.monotonic())


async def main():
    await asyncio.gather(ticker(), hog())
    print("end", time.monotonic())


asyncio.run(main())
