import asyncio

async def ok():
    await asyncio.sleep(1)
    print("first run fine")

async def stuck():
    lock = asyncio.Lock()
    await lock.acquire()
    print("second run: lock taken, now waiting on it again")
    async with lock:
        print("unreachable")

asyncio.run(ok())
asyncio.run(stuck())
print("unreachable")
