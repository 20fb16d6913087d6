# `await asyncio.sleep(...)` and `await sleep(...)` straight after the call
# (the engine makes these without a coroutine object), next to the same
# calls kept as objects first: results, bad arguments, cancellation.
import asyncio
from asyncio import sleep


async def direct():
    r = await asyncio.sleep(0.1, "direct result")
    print("direct:", r, asyncio.get_running_loop().time())
    r = await sleep(0, 42)
    print("imported:", r)
    try:
        await asyncio.sleep("soon")
    except TypeError as e:
        print("bad delay:", e)
    try:
        await sleep()
    except TypeError as e:
        print("no delay:", e)
    try:
        await asyncio.sleep(1, 2, 3)
    except TypeError as e:
        print("too many:", e)
    print("by name:", await asyncio.sleep(delay=0, result="named"))
    try:
        await asyncio.sleep(0, delay=1)
    except TypeError as e:
        print("twice:", e)
    try:
        await asyncio.sleep(0, wake=True)
    except TypeError as e:
        print("unknown:", e)
    c = asyncio.sleep(0.2, "kept")
    print("kept:", await c)


async def sleeper(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "woke")
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise


async def main():
    await direct()
    t = asyncio.create_task(sleeper("long", 10))
    u = asyncio.create_task(sleeper("short", 0.5))
    await sleep(1)
    t.cancel()
    res = await asyncio.gather(t, u, return_exceptions=True)
    print([type(x).__name__ for x in res])
    for i in range(3):
        await asyncio.sleep(0)
        print("tick", i)
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())
