import asyncio
import time

async def ticker(step, n, label):
    loop = asyncio.get_running_loop()
    for i in range(n):
        await asyncio.sleep(step)
    print(label, repr(loop.time()), repr(time.monotonic()))

async def main():
    await asyncio.gather(ticker(0.1, 5000, "a"), ticker(0.3, 1666, "b"), ticker(0.7, 714, "c"))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1000.123456789
    await asyncio.sleep(deadline - loop.time())
    print("after long sleep", repr(loop.time()), loop.time() == deadline)
    await asyncio.sleep(1234.5678)
    print("end", loop.time())

asyncio.run(main())
