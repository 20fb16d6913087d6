import asyncio

async def worker(q):
    while True:
        item = await q.get()
        print("processed", item)

async def main():
    q = asyncio.Queue()
    asyncio.create_task(worker(q))
    for i in range(3):
        await q.put(i)
    await q.join()
    print("unreachable")

asyncio.run(main())
