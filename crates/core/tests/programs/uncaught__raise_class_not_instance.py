import asyncio

async def main():
    await asyncio.sleep(0)
    raise NotImplementedError

asyncio.run(main())
