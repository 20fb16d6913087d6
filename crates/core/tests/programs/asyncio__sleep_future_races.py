# The future inside asyncio.sleep: cancelled while pending, cancelled after its
# timer fired but before the task woke, cancelled by the task itself before it
# sleeps, with and without a message, twice, and a sleep's result.
import asyncio


async def sleeper(name, d):
    try:
        r = await asyncio.sleep(d, result=name + "-woke")
        print(name, "returned", r, asyncio.get_running_loop().time())
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args, asyncio.get_running_loop().time())
        r = await asyncio.sleep(0.25, result="again")
        print(name, "slept", r, "after cancel", asyncio.get_running_loop().time())
        raise


tasks = {}


async def canceller(name, d, msg=None):
    await asyncio.sleep(d)
    target = tasks[name]
    print("cancel", name, target.cancel(msg), target.cancelling())


async def self_cancel():
    asyncio.current_task().cancel("me")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("self", e.args, asyncio.get_running_loop().time())
    print("self uncancel", asyncio.current_task().uncancel())
    print("self then", await asyncio.sleep(0.5, result=7))


async def main():
    # k1's timer is due with b's and fires first; it wakes and cancels b
    # once b's timer has fired too, before b wakes: b's future is done, so
    # b is cancelled as it wakes.
    k1 = asyncio.create_task(canceller("b", 1, "late"))
    a = asyncio.create_task(sleeper("a", 1), name="a")
    b = tasks["b"] = asyncio.create_task(sleeper("b", 1), name="b")
    c = tasks["c"] = asyncio.create_task(sleeper("c", 2), name="c")
    # c is cancelled while its future is pending, twice.
    k2 = asyncio.create_task(canceller("c", 0.5, "first"))
    k3 = asyncio.create_task(canceller("c", 0.5))
    s = asyncio.create_task(self_cancel())
    results = await asyncio.gather(k1, a, b, c, k2, k3, s, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in results])
    try:
        print(await asyncio.wait_for(asyncio.sleep(3, result="late"), 0.75))
    except TimeoutError:
        print("timeout", asyncio.get_running_loop().time())
    async with asyncio.timeout(0.5) as cm:
        try:
            await asyncio.sleep(1)
        finally:
            print("expired", cm.expired(), asyncio.get_running_loop().time())


try:
    asyncio.run(main())
except TimeoutError:
    print("outer timeout")
