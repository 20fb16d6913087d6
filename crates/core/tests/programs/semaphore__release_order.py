import asyncio


async def job(sem, name, d):
    async with sem:
        print(name, "in", asyncio.get_running_loop().time())
        await asyncio.sleep(d)
    print(name, "out")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, f"j{i}", 0.5 + 0.1 * (i % 3)) for i in range(7)))
    print("locked?", sem.locked())
    s = asyncio.Semaphore(0)
    async def rel():
        await asyncio.sleep(0.2)
        s.release()
        s.release()
        print("released twice")
    async def acq(n):
        await s.acquire()
        print("acq", n)
    await asyncio.gather(acq(1), acq(2), acq(3), rel())


asyncio.run(main())
