import asyncio


async def stuck(ev):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stuck: waiting for an event during cleanup")
        await ev.wait()


async def main():
    asyncio.create_task(stuck(asyncio.Event()))
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
print("unreachable")
