import asyncio


async def bg(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled at shutdown")
        raise
    finally:
        print(name, "finally")


async def main():
    asyncio.create_task(bg("bg1"))
    await asyncio.sleep(1)
    print("main about to fail")
    raise LookupError("main failed")


asyncio.run(main())
print("never")
