import asyncio

async def main():
    await asyncio.sleep(1e300)
    await asyncio.sleep(float('nan'))
    await asyncio.sleep(float('inf'))

asyncio.run(main())
