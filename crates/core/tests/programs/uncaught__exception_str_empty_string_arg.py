import asyncio

async def main():
    await asyncio.sleep(0)
    raise RuntimeError("")

asyncio.run(main())
