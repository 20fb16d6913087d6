import asyncio

async def main():
    print("before")
    await asyncio.sleep(float("nan"))
    print("after")

asyncio.run(main())
