import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print("gather()", await asyncio.gather(), loop.time())
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("wait([]):", e)
    print("as_completed([]):", [f for f in asyncio.as_completed([])])
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty TaskGroup ok")
    print("sleep(-1):", await asyncio.sleep(-1, result="neg"), loop.time())
    print("timeout(None):")
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.5)
        print("  when", cm.when(), "expired", cm.expired())
        cm.reschedule(loop.time() + 10)
        print("  rescheduled to", cm.when())
    done = asyncio.create_task(asyncio.sleep(0, result="early"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("wait_for(done, 0):", await asyncio.wait_for(done, 0))
    print("shield(done):", await asyncio.shield(done))


asyncio.run(main())
