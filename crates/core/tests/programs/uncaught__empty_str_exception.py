import asyncio

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError()

async def main():
    await fail()

asyncio.run(main())
