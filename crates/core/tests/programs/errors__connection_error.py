import asyncio


async def fetch():
    await asyncio.sleep(0.1)
    raise ConnectionError("peer reset")


async def main():
    try:
        await fetch()
    except OSError as e:
        print(type(e).__name__, e, isinstance(e, ConnectionError))
    await fetch()


asyncio.run(main())
