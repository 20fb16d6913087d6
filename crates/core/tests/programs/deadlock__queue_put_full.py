import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    for i in range(5):
        print("putting", i, "size", q.qsize())
        await q.put(i)

asyncio.run(main())
