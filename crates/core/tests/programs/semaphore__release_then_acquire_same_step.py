import asyncio


async def waiter(sem, name):
    await sem.acquire()
    print(name, "acquired")


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    w = asyncio.create_task(waiter(sem, "w"))
    await asyncio.sleep(0)
    sem.release()
    print("after release: locked =", sem.locked())
    late = asyncio.create_task(waiter(sem, "late"))
    await asyncio.sleep(0)
    print("after one pass:", w.done(), late.done(), sem.locked())
    sem.release()
    await asyncio.gather(w, late)
    print("both done")
    b = asyncio.BoundedSemaphore(1)
    async with b:
        print("inside bounded", b.locked())
    print("outside bounded", b.locked())


asyncio.run(main())
