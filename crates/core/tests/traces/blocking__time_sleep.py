import asyncio
import time


async def ticker():
    await asyncio.sleep(0.1)
    print("tick")


async def blocker():
    time.sleep(0.3)


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
