import asyncio


async def main():
    print("partial", end="")
    await asyncio.sleep(1)
    print(" more", end="")
    raise AssertionError


asyncio.run(main())
