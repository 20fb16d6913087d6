import asyncio

lock = None

async def helper():
    async with lock:
        print("helper got lock")

async def main():
    global lock
    lock = asyncio.Lock()
    async with lock:
        print("main has lock")
        await helper()

asyncio.run(main())
