import asyncio


async def victim():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancelling in except", me.cancelling())
        print("uncancel ->", me.uncancel())
        print("cancelling now", me.cancelling())
    await asyncio.sleep(0.5)
    print("victim continues, cancelling", me.cancelling())
    return "survived"


async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    print(t.cancel(), t.cancel(), t.cancelling())
    r = await t
    print("result", r, t.cancelled(), t.cancelling())
    print("cancel done task ->", t.cancel())


asyncio.run(main())
