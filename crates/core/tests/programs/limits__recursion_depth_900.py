import asyncio

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

async def adepth(n):
    if n == 0:
        await asyncio.sleep(0.5)
        return 0
    return 1 + await adepth(n - 1)

async def main():
    print(depth(900))
    print(await adepth(900))
    t = asyncio.create_task(adepth(900))
    print(await t, asyncio.get_running_loop().time())

print(depth(950))
asyncio.run(main())
