import asyncio


async def child():
    raise ValueError(asyncio.current_task().get_name(), asyncio.current_task())


async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(1)
    print("done", t.done(), t.exception().args[0], t.exception().args[1] is t)


asyncio.run(main())
