import asyncio

async def main():
    await asyncio.sleep(0.1)
    errors = [ValueError("a"), TypeError("b")]
    raise ExceptionGroup("batch failed", errors)

asyncio.run(main())
