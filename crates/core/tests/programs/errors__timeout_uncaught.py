import asyncio


async def main():
    print("start")
    async with asyncio.timeout(0.5):
        await asyncio.sleep(1)


asyncio.run(main())
