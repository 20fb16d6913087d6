import asyncio

async def main():
    next(iter([]))

try:
    asyncio.run(main())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
