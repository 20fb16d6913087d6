import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            print("when", cm.when())
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() + 2)
            print("rescheduled", cm.when())
            await asyncio.sleep(1.5)
            print("still alive", loop.time())
            cm.reschedule(None)
            await asyncio.sleep(5)
            print("no deadline", loop.time(), cm.when())
            cm.reschedule(loop.time() + 0.25)
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out", loop.time(), cm.expired())
    async with asyncio.timeout(None) as cm2:
        await asyncio.sleep(0.1)
    print(cm2.expired(), cm2.when())


asyncio.run(main())
