import asyncio

async def leaf(n):
    try:
        await asyncio.sleep(n)
        return n
    except asyncio.CancelledError:
        print("leaf", n, "cancelled")
        raise

async def parent():
    try:
        return await asyncio.gather(leaf(1), leaf(2), leaf(0.1))
    except asyncio.CancelledError:
        print("parent sees CancelledError")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled:", p.cancelled())
    await asyncio.sleep(0)
    print("remaining:", len(asyncio.all_tasks()))

asyncio.run(main())
