import asyncio


async def never():
    print("never starts")


async def cleanup_sleeper():
    try:
        await asyncio.sleep(100)
    finally:
        print("sleeper finally")


async def main():
    asyncio.create_task(cleanup_sleeper())
    await asyncio.sleep(0)
    asyncio.create_task(never())
    print("main done")


asyncio.run(main())
