import asyncio

async def main():
    values = [1, 2, 3]
    await asyncio.sleep(0.1)
    assert sum(values) == 7

asyncio.run(main())
