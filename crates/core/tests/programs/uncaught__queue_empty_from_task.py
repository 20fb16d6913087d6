import asyncio

async def drain(q):
    while True:
        print("got", q.get_nowait())
        await asyncio.sleep(0.1)

async def main():
    q = asyncio.Queue()
    for x in "ab":
        q.put_nowait(x)
    await asyncio.create_task(drain(q))

asyncio.run(main())
