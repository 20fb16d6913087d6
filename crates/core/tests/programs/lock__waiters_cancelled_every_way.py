import asyncio

# A lock's waiters cancelled every way: while waiting (with a message),
# after being woken, after the lock was taken by a newcomer that skipped
# cancelled waiters; through wait_for, shield, a TaskGroup, a Condition and
# uncancel; and the same waits in a nested run (sorted's key).


def st(lock):
    # The lock's repr without its address: locked or not, and its waiters.
    return repr(lock).split("[")[-1]


async def waiter(lock, name, hold=0):
    try:
        await lock.acquire()
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args, "locked", lock.locked())
        raise
    print(name, "acquired")
    await asyncio.sleep(hold)
    lock.release()
    print(name, "released")
    return name


async def with_user(lock, name):
    try:
        async with lock:
            print(name, "has lock")
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(name, "cancelled in async with", e.args)
        raise
    return name


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    # Waiters cancelled with a message while waiting; the lock released
    # before they run: all the waiters are cancelled, so a newcomer takes it.
    w1 = asyncio.create_task(waiter(lock, "w1"))
    w2 = asyncio.create_task(waiter(lock, "w2"))
    await asyncio.sleep(0)
    print(st(lock))
    print("cancel:", w1.cancel("w1 off"), w1.cancel("again"), w2.cancel())
    lock.release()
    print("after release", st(lock))
    await lock.acquire()
    print("main took it past cancelled waiters", st(lock))
    await asyncio.gather(w1, w2, return_exceptions=True)
    print(st(lock))

    # One waiter woken and then cancelled before it runs: it wakes the next.
    ws = [asyncio.create_task(waiter(lock, f"v{i}")) for i in range(3)]
    await asyncio.sleep(0)
    lock.release()
    print("v0 cancel after wakeup:", ws[0].cancel("late"), ws[0].cancel())
    print(await asyncio.gather(*ws, return_exceptions=True))
    print("free", lock.locked(), st(lock))

    # Woken, cancelled, and the lock taken again before it runs: no wake-up.
    await lock.acquire()
    x = asyncio.create_task(waiter(lock, "x"))
    y = asyncio.create_task(waiter(lock, "y"))
    await asyncio.sleep(0)
    lock.release()
    x.cancel()
    t = asyncio.create_task(waiter(lock, "t"))
    await asyncio.sleep(0)
    print("t waits", st(lock))
    print(await asyncio.gather(x, y, t, return_exceptions=True))

    # wait_for timing out, and shield's outer task cancelled.
    await lock.acquire()
    try:
        await asyncio.wait_for(lock.acquire(), 0.5)
    except asyncio.TimeoutError:
        print("wait_for timed out", st(lock))
    inner = asyncio.ensure_future(waiter(lock, "shielded"))
    outer = asyncio.create_task(asyncio.wait_for(asyncio.shield(inner), 0.25))
    await asyncio.sleep(0.5)
    print("outer", type(outer.exception()).__name__, "inner", inner.done())
    lock.release()
    print("inner result", await inner)

    # A TaskGroup whose child fails: the waiting sibling is cancelled (one:
    # the group cancels its children in the order of a set).
    async def fail():
        await asyncio.sleep(0.1)
        raise ValueError("boom")

    await lock.acquire()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(with_user(lock, "g0"))
            tg.create_task(fail())
    except ExceptionGroup as eg:
        print("group", [str(e) for e in eg.exceptions], st(lock))
    lock.release()

    # A Condition's wait cancelled while it takes the lock back.
    cond = asyncio.Condition()

    async def cwait(name):
        async with cond:
            try:
                await cond.wait()
                print(name, "notified")
            except asyncio.CancelledError:
                print(name, "cancelled, holds lock", cond.locked())
                raise

    cs = [asyncio.create_task(cwait(f"c{i}")) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
        await asyncio.sleep(0)
        cs[1].cancel()
    print(await asyncio.gather(*cs, return_exceptions=True))

    # uncancel: a waiter cancelled, its cancellation taken back, waits again.
    async def stubborn():
        while True:
            try:
                async with lock:
                    print("stubborn got it")
                    return "stubborn"
            except asyncio.CancelledError:
                print("stubborn uncancel", asyncio.current_task().uncancel())

    await lock.acquire()
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0)
    print(st(lock))
    lock.release()
    print(await s, st(lock))


async def nested(n):
    lock = asyncio.Lock()
    await lock.acquire()
    ws = [asyncio.create_task(waiter(lock, f"n{n}.{i}")) for i in range(3)]
    await asyncio.sleep(0)
    ws[0].cancel()
    lock.release()
    await asyncio.sleep(0)
    ws[1].cancel()
    r = await asyncio.gather(*ws, return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in r])
    return n


asyncio.run(main())
print(sorted([2, 1], key=lambda n: asyncio.run(nested(n))))
