# What `await asyncio.sleep(...)` gives back and how it ends, in every way a
# sleeping task can be woken: by its timer (None, or the `result` given), by a
# cancel while it sleeps (at the end of a chain of coroutines, through their
# finally blocks), by a cancel while it yields with sleep(0), by a timeout,
# and with a delay that is negative or not a number.
import asyncio


async def inner(delay, log):
    try:
        return await asyncio.sleep(delay)
    finally:
        log.append(("inner finally", round(asyncio.get_running_loop().time(), 3)))


async def middle(delay, log):
    try:
        got = await inner(delay, log)
        log.append(("middle got", got))
        return got
    except asyncio.CancelledError as e:
        log.append(("middle cancelled", e.args))
        raise


async def yielder(log):
    n = 0
    while True:
        await asyncio.sleep(0)
        n += 1
        log.append(("yielded", n))


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0.1), await asyncio.sleep(0.1, result="r"), await asyncio.sleep(0, "zero"))
    print(await asyncio.sleep(-1), await asyncio.sleep(float("nan")), loop.time())
    log = []
    t = asyncio.create_task(middle(1.0, log))
    await asyncio.sleep(0.25)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled:", e.args, t.cancelled(), log, loop.time())
    log = []
    print(await middle(0.5, log), log)
    log = []
    y = asyncio.create_task(yielder(log))
    for _ in range(3):
        await asyncio.sleep(0)
    y.cancel()
    await asyncio.gather(y, return_exceptions=True)
    print("yielder:", log, y.cancelled())
    try:
        async with asyncio.timeout(0.3):
            await inner(5, log)
    except TimeoutError:
        print("timed out at", round(loop.time(), 3), log[-1])
    print(await asyncio.wait_for(asyncio.sleep(0.2, "in time"), 1), round(loop.time(), 3))


asyncio.run(main())
