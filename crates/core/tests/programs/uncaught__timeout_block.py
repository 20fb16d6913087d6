import asyncio

async def main():
    async with asyncio.timeout(0.75) as cm:
        print("deadline", cm.when())
        await asyncio.sleep(1)
    print("unreachable")

asyncio.run(main())
