import asyncio


async def main():
    f = asyncio.get_running_loop().create_future()
    f.set_result([f])
    print(repr(f))


asyncio.run(main())
