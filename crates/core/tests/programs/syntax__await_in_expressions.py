import asyncio


async def val(x, d=0):
    await asyncio.sleep(d)
    return x


async def main():
    loop = asyncio.get_running_loop()
    squares = []
    for i in range(3):
        squares.append(await val(i * i, 0.1))
    print(squares, loop.time())
    print(f"inline {await val('f', 0.1)} at {loop.time()}")
    total = await val(1) + await val(2) * await val(3, 0.1)
    print(total)
    d = {await val("k"): await val("v")}
    print(d, (await val(5)) if await val(True) else None)
    if await val(False):
        print("no")
    elif await val(True, 0.2):
        print("elif via await", loop.time())
    while await val(False):
        pass
    print("done")


asyncio.run(main())
