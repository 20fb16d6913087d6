import asyncio
import time


async def ticker(name, step, n):
    for i in range(n):
        await asyncio.sleep(step)
        print(name, i, repr(time.monotonic()))


async def main():
    await asyncio.gather(ticker("a", 0.1, 5), ticker("b", 0.3, 2), ticker("c", 0.25, 2))
    t = time.monotonic()
    print("t", t, t == 0.6, t - 0.6)
    await asyncio.sleep(1e-10)
    print("tiny", repr(time.monotonic()))
    await asyncio.sleep(-1)
    print("neg", repr(time.monotonic()))
    await asyncio.sleep(0.7)
    print("end", repr(time.monotonic()))


asyncio.run(main())
