import asyncio


async def main():
    await asyncio.wait_for(asyncio.sleep(2), 1)


asyncio.run(main())
