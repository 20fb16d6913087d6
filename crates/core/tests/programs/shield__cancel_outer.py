import asyncio


async def payment():
    print("payment start")
    await asyncio.sleep(1)
    print("payment committed")
    return "receipt"


async def checkout(holder):
    inner = asyncio.create_task(payment())
    holder.append(inner)
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("checkout cancelled; inner done?", inner.done())
        raise


async def main():
    holder = []
    t = asyncio.create_task(checkout(holder))
    await asyncio.sleep(0.3)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled", t.cancelled())
    inner = holder[0]
    print("inner cancelled?", inner.cancelled(), inner.done())
    r = await inner
    print("inner result", r, asyncio.get_running_loop().time())
    s = asyncio.shield(asyncio.sleep(0.5, "slept"))
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("shield future cancelled", s.cancelled())
    await asyncio.sleep(1)
    print("end")


asyncio.run(main())
