import asyncio


async def holder(lock):
    async with lock:
        await asyncio.sleep(1)
    print("holder released")


async def waiter(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    print(name, "acquired")
    await asyncio.sleep(0.1)
    lock.release()
    print(name, "released")


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    w1 = asyncio.create_task(waiter(lock, "w1"))
    w2 = asyncio.create_task(waiter(lock, "w2"))
    await asyncio.sleep(1)
    # holder released at t=1, w1 has been woken but has not run yet
    print("main at 1: locked", lock.locked())
    w1.cancel()
    await asyncio.gather(h, w1, w2, return_exceptions=True)
    print("end", lock.locked(), asyncio.get_running_loop().time())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)


asyncio.run(main())
