import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    print("acquired once", lock.locked())
    await asyncio.sleep(0.5)
    print("acquiring again")
    await lock.acquire()
    print("unreachable")

asyncio.run(main())
