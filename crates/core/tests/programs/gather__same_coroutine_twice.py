import asyncio


async def once():
    print("once runs")
    await asyncio.sleep(0.1)
    return "r"


async def main():
    c = once()
    print(await asyncio.gather(c, c, c))
    t = asyncio.create_task(once())
    print(await asyncio.gather(t, t))


asyncio.run(main())
