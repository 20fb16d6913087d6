# fanout: 10,000 tasks, each sleeping 100 times, gathered by main.
# One million timer events.
import asyncio


async def worker(i):
    for k in range(100):
        await asyncio.sleep(0.001 * ((i + k) % 7 + 1))


async def main():
    await asyncio.gather(*(worker(i) for i in range(10000)))
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
