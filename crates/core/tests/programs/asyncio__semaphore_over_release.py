import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    sem.release()
    sem.release()
    print("over-released, locked:", sem.locked())
    got = []
    async def take(i):
        async with sem:
            got.append(i)
            await asyncio.sleep(0.1)
    await asyncio.gather(*(take(i) for i in range(5)))
    print("order", got, "at", asyncio.get_running_loop().time())
    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    print("bounded locked", b.locked())
    z = asyncio.Semaphore(0)
    print("zero locked", z.locked())
    async def late_release():
        await asyncio.sleep(0.5)
        z.release()
    asyncio.create_task(late_release())
    await z.acquire()
    print("acquired zero semaphore at", asyncio.get_running_loop().time())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
