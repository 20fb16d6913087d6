import asyncio


async def main():
    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    s = asyncio.Semaphore(1)
    s.release()
    s.release()
    print("plain semaphore over-release ok", s.locked())
    await s.acquire()
    await s.acquire()
    await s.acquire()
    print("locked now", s.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("neg:", e)


asyncio.run(main())
