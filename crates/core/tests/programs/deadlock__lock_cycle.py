import asyncio


async def worker(name, first, second):
    async with first:
        print(name, "holds first")
        await asyncio.sleep(0.1)
        print(name, "wants second")
        async with second:
            print(name, "holds both")


async def main():
    a = asyncio.Lock()
    b = asyncio.Lock()
    await asyncio.gather(worker("x", a, b), worker("y", b, a))
    print("unreachable")


asyncio.run(main())
