import asyncio


async def user(lock, name, hold):
    print(name, "wants lock")
    try:
        async with lock:
            print(name, "has lock")
            await asyncio.sleep(hold)
        print(name, "released")
    except asyncio.CancelledError:
        print(name, "cancelled while waiting; locked =", lock.locked())
        raise


async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(user(lock, "a", 1))
    b = asyncio.create_task(user(lock, "b", 1))
    c = asyncio.create_task(user(lock, "c", 1))
    await asyncio.sleep(0.5)
    b.cancel()
    await asyncio.gather(a, c, return_exceptions=True)
    print(b.cancelled(), lock.locked(), asyncio.get_running_loop().time())


asyncio.run(main())
