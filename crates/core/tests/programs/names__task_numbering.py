import asyncio


async def leaf():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()


async def main():
    print(asyncio.current_task().get_name())
    t = asyncio.create_task(leaf())
    u = asyncio.create_task(leaf(), name="custom")
    print(t.get_name(), u.get_name())
    print(await asyncio.gather(leaf(), leaf()))
    print(await asyncio.wait_for(leaf(), 1))
    print(await asyncio.shield(leaf()))
    async with asyncio.timeout(1):
        print(await leaf())
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(leaf())
        b = tg.create_task(leaf(), name="tg-named")
    print(a.result(), b.result())
    done, _ = await asyncio.wait([asyncio.create_task(leaf())])
    print([d.result() for d in done])
    u.set_name("renamed")
    print(u.get_name(), await t, await u)
    v = asyncio.create_task(leaf(), name=42)
    print(repr(v.get_name()))
    await v


asyncio.run(main())
