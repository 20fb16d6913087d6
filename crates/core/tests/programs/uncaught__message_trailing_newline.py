import asyncio

async def main():
    print("about to fail")
    raise RuntimeError("ends with newline\n")

asyncio.run(main())
