import asyncio

async def main():
    rows = [f"{i:05d}" for i in range(3000)]
    print("\n".join(rows))
    await asyncio.sleep(1)
    print(*range(2000))
    print(list(range(1500)))
    print({i: str(i) for i in range(300)})

asyncio.run(main())
