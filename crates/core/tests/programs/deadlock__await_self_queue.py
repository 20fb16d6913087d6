import asyncio


async def main():
    q = asyncio.Queue()
    print("about to get from an empty queue nobody fills")
    await asyncio.sleep(0.5)
    item = await q.get()
    print(item)


asyncio.run(main())
