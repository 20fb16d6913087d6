import asyncio

async def main():
    try:
        {}["token"]
    except KeyError as e:
        raise RuntimeError(e)

asyncio.run(main())
