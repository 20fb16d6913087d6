import asyncio


async def inner():
    return 1


async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("awaiting it instead:", await c)
    try:
        asyncio.run(5)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
