import asyncio

async def inner():
    return "inner"

async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("awaiting it anyway:", await c)
    try:
        asyncio.run(42)
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__ + ":", e)

asyncio.run(main())
try:
    asyncio.run("not a coroutine")
except ValueError as e:
    print("ValueError:", e)
