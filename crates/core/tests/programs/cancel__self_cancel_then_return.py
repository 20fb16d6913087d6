import asyncio


async def returns_after_self_cancel():
    asyncio.current_task().cancel()
    return "value"


async def raises_after_self_cancel():
    asyncio.current_task().cancel()
    raise ValueError("boom")


async def cancelled_by_other_then_returns(other_holder):
    await asyncio.sleep(0)
    other_holder[0].cancel()
    return "x"


async def main():
    t = asyncio.create_task(returns_after_self_cancel())
    await asyncio.sleep(0)
    print("returns:", t.done(), t.cancelled())
    t = asyncio.create_task(raises_after_self_cancel())
    await asyncio.sleep(0)
    print("raises:", t.cancelled(), repr(t.exception()))
    holder = []
    a = asyncio.create_task(cancelled_by_other_then_returns(holder))
    b = asyncio.create_task(asyncio.sleep(0.1, "b"))
    holder.append(b)
    await asyncio.sleep(0.2)
    print(a.result(), b.cancelled())


asyncio.run(main())
