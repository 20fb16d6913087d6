import asyncio

async def main():
    await asyncio.sleep(0.1)
    raise 42

asyncio.run(main())
