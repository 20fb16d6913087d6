import asyncio

async def main():
    await asyncio.sleep(0.1)
    print("bye")
    raise SystemExit("fatal: config missing")

asyncio.run(main())
