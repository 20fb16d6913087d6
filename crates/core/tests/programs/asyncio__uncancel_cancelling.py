import asyncio

async def worker():
    me = asyncio.current_task()
    for i in range(3):
        try:
            await asyncio.sleep(1)
            print("slept", i)
        except asyncio.CancelledError:
            print("cancelled", i, "cancelling =", me.cancelling())
            left = me.uncancel()
            print("after uncancel", left, me.cancelling())
    return "survived"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    print(t.cancel(), t.cancelling())
    print(t.cancel(), t.cancelling())
    await asyncio.sleep(1)
    print(t.cancel(), t.cancelling())
    print(await t, t.cancelling(), t.cancelled())
    print(t.cancel(), t.cancelling())

asyncio.run(main())
