import asyncio


async def setter(ev, d):
    await asyncio.sleep(d)
    ev.set()
    print("set at", d)


async def main():
    ev = asyncio.Event()
    asyncio.create_task(setter(ev, 1))
    for t in (0.5, 0.5, 0.5):
        try:
            await asyncio.wait_for(ev.wait(), t)
            print("event seen", asyncio.get_running_loop().time())
        except TimeoutError:
            print("not yet", asyncio.get_running_loop().time())


asyncio.run(main())
