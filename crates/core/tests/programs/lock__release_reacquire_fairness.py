import asyncio


async def greedy(lock, log):
    for i in range(3):
        await lock.acquire()
        log.append(f"greedy{i}")
        print("greedy holds", i)
        lock.release()
    print("greedy done")


async def polite(lock, name, log):
    async with lock:
        log.append(name)
        print(name, "holds")
        await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    ts = [asyncio.create_task(polite(lock, f"p{i}", log)) for i in range(2)]
    g = asyncio.create_task(greedy(lock, log))
    await asyncio.sleep(0)
    lock.release()
    print("main released")
    await asyncio.gather(*ts, g)
    print(log)


asyncio.run(main())
