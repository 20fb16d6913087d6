import asyncio

async def slow(n):
    try:
        await asyncio.sleep(n)
        print("slow", n, "done")
    except asyncio.CancelledError:
        print("slow", n, "cancelled at shutdown")
        raise

async def bad():
    await asyncio.sleep(0.3)
    raise PermissionError("denied")

async def main():
    await asyncio.gather(slow(0.1), bad(), slow(2))

asyncio.run(main())
