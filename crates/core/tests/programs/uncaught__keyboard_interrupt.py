import asyncio

async def main():
    await asyncio.sleep(0.3)
    raise KeyboardInterrupt

asyncio.run(main())
