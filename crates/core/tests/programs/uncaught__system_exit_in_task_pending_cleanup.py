import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("worker finally")

async def main():
    asyncio.create_task(worker())
    await asyncio.sleep(0.2)
    raise SystemExit(5)

asyncio.run(main())
