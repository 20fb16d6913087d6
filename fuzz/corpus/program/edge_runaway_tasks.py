import asyncio

async def spawn():
    asyncio.create_task(spawn())
    asyncio.create_task(spawn())
    await asyncio.sleep(1)

asyncio.run(spawn())
