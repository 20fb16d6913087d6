import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(asyncio.shield(fut), 1)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time(), "future still pending:", not fut.done())
    await fut

asyncio.run(main())
