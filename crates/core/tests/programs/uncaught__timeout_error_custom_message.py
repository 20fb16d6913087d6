import asyncio

async def main():
    print(asyncio.TimeoutError is TimeoutError, asyncio.CancelledError.__name__)
    await asyncio.sleep(0.3)
    raise asyncio.TimeoutError("backend did not answer in 0.3s")

asyncio.run(main())
