import asyncio


async def child(parent):
    await asyncio.sleep(0.5)
    print("child awaits parent")
    await parent


async def main():
    t = asyncio.create_task(child(asyncio.current_task()))
    print("main awaits child")
    await t


asyncio.run(main())
