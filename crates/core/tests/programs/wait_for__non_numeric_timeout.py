import asyncio

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(0), "1")
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
