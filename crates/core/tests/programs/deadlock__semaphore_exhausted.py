import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    for i in range(3):
        await sem.acquire()
        print("acquired", i, "locked", sem.locked())

asyncio.run(main())
