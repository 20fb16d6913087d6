import asyncio


async def use(lock, name):
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0.5)


async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(use(lock, "a"))
    b = asyncio.create_task(use(lock, "b"))
    await asyncio.wait([a, b])


asyncio.run(main())
