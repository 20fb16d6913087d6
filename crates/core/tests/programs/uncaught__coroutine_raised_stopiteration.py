import asyncio

async def pull(it):
    await asyncio.sleep(0.1)
    return next(it)

async def main():
    it = iter([1])
    print(await pull(it))
    print(await pull(it))

asyncio.run(main())
