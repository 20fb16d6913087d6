import asyncio


async def child(name, d):
    try:
        await asyncio.sleep(d)
        return name
    except asyncio.CancelledError:
        print("child", name, "cancelled")
        raise


async def main():
    g = asyncio.gather(child("a", 1), child("b", 0.2), return_exceptions=True)
    await asyncio.sleep(0.5)
    g.cancel()
    try:
        r = await g
        print("gather returned", r)
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print(g.done(), g.cancelled())


asyncio.run(main())
