import asyncio


async def stubborn(name):
    n = 0
    while True:
        try:
            await asyncio.sleep(1)
            n += 1
            print(name, "tick", n)
        except asyncio.CancelledError:
            print(name, "caught cancel, doing cleanup")
            await asyncio.sleep(0.5)
            print(name, "cleanup done, exiting")
            return n


async def quick():
    try:
        await asyncio.sleep(100)
    finally:
        await asyncio.sleep(0.1)
        print("quick finally")


async def main():
    asyncio.create_task(stubborn("s1"))
    asyncio.create_task(quick())
    await asyncio.sleep(2.5)
    print("main done")


asyncio.run(main())
print("after run")
