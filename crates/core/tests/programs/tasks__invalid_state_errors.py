import asyncio


async def slow():
    await asyncio.sleep(1)
    return 5


async def main():
    t = asyncio.create_task(slow())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("result:", type(e).__name__, e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("exception:", type(e).__name__, e)
    t.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancelled", t.cancelled(), "cancel again", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result of cancelled:", repr(e))
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception of cancelled:", repr(e))
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("set twice:", e)
    c = slow()
    await c
    try:
        await c
    except RuntimeError as e:
        print("reuse:", e)


asyncio.run(main())
