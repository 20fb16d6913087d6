import asyncio

async def main():
    await asyncio.sleep(0.2)
    raise asyncio.CancelledError("manual")

asyncio.run(main())
