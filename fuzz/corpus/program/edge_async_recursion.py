import asyncio

async def f(n):
    return await f(n + 1)

asyncio.run(f(0))
