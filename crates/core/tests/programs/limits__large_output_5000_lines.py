import asyncio

async def main():
    for i in range(5000):
        if i % 1000 == 0:
            await asyncio.sleep(0.5)
        print(f"line {i:04d} {'#' * (i % 40)}")

asyncio.run(main())
