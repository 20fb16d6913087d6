import asyncio

async def main():
    await asyncio.sleep(0.5)
    print("exiting with 3")
    raise SystemExit(3)

asyncio.run(main())
print("not reached")
