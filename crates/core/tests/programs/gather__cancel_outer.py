import asyncio


async def child(name, d):
    try:
        await asyncio.sleep(d)
        print("child done", name)
        return name
    except asyncio.CancelledError:
        print("child cancelled", name)
        raise


async def main():
    g = asyncio.gather(child("a", 1), child("b", 2), child("c", 0.5))
    await asyncio.sleep(0.7)
    print("cancel ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())
    print("end")


asyncio.run(main())
