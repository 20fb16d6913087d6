import asyncio


async def child():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("child cancelled")
        raise


async def spawner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("spawner cancelled; spawning another")
        asyncio.create_task(child())
        await asyncio.sleep(0)
        print("spawner exits")
        raise


async def main():
    asyncio.create_task(spawner())
    await asyncio.sleep(1)
    print("main exits")


asyncio.run(main())
print("after run")
