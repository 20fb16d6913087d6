import asyncio

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        total += item
        print("consumed", item, "total", total)

async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i + 1)
    await consumer(q)

asyncio.run(main())
