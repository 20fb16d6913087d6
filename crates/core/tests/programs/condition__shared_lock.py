import asyncio


async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    log = []

    async def waiter(n):
        async with cond:
            await cond.wait()
            log.append(n)
            print("waiter", n, "lock held", lock.locked())

    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with lock:
        cond.notify(1)
        print("notify 1 under shared lock")
    await asyncio.sleep(0)
    print("log", log)
    async with cond:
        cond.notify(5)
    await asyncio.gather(*ts)
    print("log", log)


asyncio.run(main())
