# contention: 1,000 tasks taking one Lock 100 times each, sleep(0) inside.
import asyncio


async def worker(lock, counts, i):
    for _ in range(100):
        async with lock:
            counts[0] += 1
            await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    counts = [0]
    await asyncio.gather(*(worker(lock, counts, i) for i in range(1000)))
    print("acquired", counts[0], "times")


asyncio.run(main())
