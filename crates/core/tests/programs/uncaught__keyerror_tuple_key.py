import asyncio

async def main():
    table = {(1, 2): "a"}
    await asyncio.sleep(0.25)
    print(table[(1, 2)])
    print(table[(2, "x")])

asyncio.run(main())
