import asyncio

async def who(delay):
    await asyncio.sleep(delay)
    t = asyncio.current_task()
    return t.get_name()

async def plain():
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name())
    print(await asyncio.gather(who(0.2), who(0.1), plain()))
    print(await plain())
    t = asyncio.create_task(who(0), name="custom")
    print(await asyncio.gather(t, who(0)))
    print(await asyncio.wait_for(who(0), 1), await asyncio.shield(who(0)))
    async with asyncio.timeout(1):
        print(await who(0))
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(who(0))
        b = tg.create_task(who(0), name="tg-named")
    print(a.result(), b.result())
    t.set_name("renamed")
    print(t.get_name())

asyncio.run(main())
