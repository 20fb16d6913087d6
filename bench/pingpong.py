# pingpong: two tasks passing 500,000 items through a Queue(maxsize=1).
import asyncio

N = 500_000


async def producer(q):
    for i in range(N):
        await q.put(i)


async def consumer(q):
    total = 0
    for _ in range(N):
        total += await q.get()
    return total


async def main():
    q = asyncio.Queue(maxsize=1)
    _, total = await asyncio.gather(producer(q), consumer(q))
    print("total", total)


asyncio.run(main())
