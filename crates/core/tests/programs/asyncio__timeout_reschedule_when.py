import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        print("when", cm.when(), cm.expired())
        await asyncio.sleep(0.5)
        cm.reschedule(loop.time() + 2)
        print("rescheduled to", cm.when())
        await asyncio.sleep(1.5)
        print("still inside at", loop.time())
    print("left block, expired", cm.expired())
    try:
        async with asyncio.timeout(None) as cm2:
            print("none when", cm2.when())
            await asyncio.sleep(0.2)
            cm2.reschedule(loop.time() + 0.3)
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at", loop.time(), cm2.expired(), cm2.when())
    try:
        async with asyncio.timeout_at(loop.time() + 0.25) as cm3:
            cm3.reschedule(None)
            await asyncio.sleep(1)
            print("no deadline, slept to", loop.time())
    except TimeoutError:
        print("unexpected")
    try:
        async with asyncio.timeout(5) as cm4:
            cm4.reschedule(loop.time() - 1)
            print("past deadline set")
            await asyncio.sleep(0)
            print("unreachable")
    except TimeoutError:
        print("past deadline fires at", loop.time())

asyncio.run(main())
