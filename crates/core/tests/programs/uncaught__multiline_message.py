import asyncio

async def main():
    await asyncio.sleep(0.1)
    raise ValueError("first line\nsecond line\n\tindented third")

asyncio.run(main())
