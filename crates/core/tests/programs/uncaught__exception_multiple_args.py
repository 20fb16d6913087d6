import asyncio

async def main():
    await asyncio.sleep(0.1)
    raise ValueError("bad value", 42, None)

asyncio.run(main())
