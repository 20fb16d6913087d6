import asyncio


async def important():
    await asyncio.sleep(1)
    print("important finished")
    return 42


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.3)
    except TimeoutError:
        print("timed out at", loop.time(), "task cancelled?", t.cancelled())
    print("still get", await t, loop.time())
    t2 = asyncio.create_task(important())
    try:
        await asyncio.wait_for(t2, 0.3)
    except TimeoutError:
        print("unshielded task cancelled?", t2.cancelled())


asyncio.run(main())
