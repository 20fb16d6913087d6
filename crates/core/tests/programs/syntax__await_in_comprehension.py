import asyncio


async def val(x):
    await asyncio.sleep(0.1)
    return x


async def main():
    print([await val(i) for i in range(3)])


asyncio.run(main())
