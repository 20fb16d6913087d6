import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, print, "timer fired")
    print("waiting on future")
    await fut


asyncio.run(main())
