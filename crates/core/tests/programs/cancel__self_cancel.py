import asyncio


async def selfish():
    asyncio.current_task().cancel()
    print("after self cancel, still running")
    x = 1 + 1
    print("computed", x)
    try:
        await asyncio.sleep(0)
        print("not reached")
    except asyncio.CancelledError:
        print("cancel delivered at first await")
    await asyncio.sleep(0.2)
    return "ok"


async def main():
    r = await asyncio.create_task(selfish())
    print(r)


asyncio.run(main())
