import asyncio


async def inner(name):
    try:
        await asyncio.sleep(5)
        return name
    except asyncio.CancelledError:
        print("inner", name, "cancelled")
        raise


async def outer_task(t):
    try:
        return await t
    except asyncio.CancelledError:
        print("outer cancelled; inner done?", t.done())
        raise


async def outer_gather():
    try:
        return await asyncio.gather(inner("g1"), inner("g2"))
    except asyncio.CancelledError:
        print("outer_gather cancelled")
        raise


async def outer_shield(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("outer_shield cancelled; inner done?", t.done())
        raise


async def main():
    t = asyncio.create_task(inner("direct"))
    o = asyncio.create_task(outer_task(t))
    g = asyncio.create_task(outer_gather())
    s_inner = asyncio.create_task(inner("shielded"))
    s = asyncio.create_task(outer_shield(s_inner))
    await asyncio.sleep(1)
    for x in (o, g, s):
        x.cancel()
    print("cancel requested")
    await asyncio.sleep(0)
    print("one pass later", t.done(), s_inner.done())
    await asyncio.sleep(0)
    print("two passes later", t.cancelled(), s_inner.done())
    r = await asyncio.gather(o, g, s, return_exceptions=True)
    print([type(x).__name__ for x in r], t.cancelled(), s_inner.cancelled())
    s_inner.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
