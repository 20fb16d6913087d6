import asyncio


async def main():
    try:
        await asyncio.sleep(0.1)
        raise ValueError("original")
    finally:
        print("cleanup at", asyncio.get_running_loop().time())
        items = []
        items[0]


asyncio.run(main())
