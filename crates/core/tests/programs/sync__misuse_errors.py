import asyncio


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("Lock:", e)
    bs = asyncio.BoundedSemaphore(1)
    try:
        bs.release()
    except ValueError as e:
        print("BoundedSemaphore:", e)
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("Semaphore:", e)
    ev = asyncio.Event()
    ev.set()
    print("wait on set event:", await ev.wait())
    s = asyncio.Semaphore(0)
    print("locked:", s.locked(), lock.locked(), ev.is_set())
    asyncio.get_running_loop().call_later(0.5, s.release)
    async with s:
        print("acquired zero-semaphore at", asyncio.get_running_loop().time())


asyncio.run(main())
