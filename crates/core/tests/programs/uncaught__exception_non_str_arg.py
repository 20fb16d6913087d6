import asyncio

async def main():
    await asyncio.sleep(0.1)
    raise OSError(["a", 1])

asyncio.run(main())
