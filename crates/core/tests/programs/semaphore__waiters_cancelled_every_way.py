import asyncio

# A semaphore's waiters cancelled while waiting (with a message), after
# being woken, and past cancelled waiters (locked() skips them); through
# wait_for, a bounded semaphore, and the same waits in a nested run.


async def waiter(sem, name, hold=0):
    try:
        await sem.acquire()
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args, "locked", sem.locked())
        raise
    print(name, "acquired")
    await asyncio.sleep(hold)
    sem.release()
    print(name, "released")
    return name


async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    # Cancelled while waiting: locked() skips them once the value is back.
    w1 = asyncio.create_task(waiter(sem, "w1"))
    w2 = asyncio.create_task(waiter(sem, "w2"))
    await asyncio.sleep(0)
    print("locked", sem.locked())
    print("cancel:", w1.cancel("w1 off"), w1.cancel("again"), w2.cancel())
    sem.release()
    print("after release: locked", sem.locked())
    await sem.acquire()
    print("main took it past cancelled waiters")
    await asyncio.gather(w1, w2, return_exceptions=True)

    # Woken and then cancelled before it runs: the value goes back, the
    # next one is woken.
    ws = [asyncio.create_task(waiter(sem, f"v{i}")) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()
    print("v0 cancel after wakeup:", ws[0].cancel("late"), ws[0].cancel())
    print(await asyncio.gather(*ws, return_exceptions=True))
    print("locked", sem.locked())

    # Two woken by two releases, one of them cancelled.
    await sem.acquire()
    s2 = asyncio.Semaphore(0)
    xs = [asyncio.create_task(waiter(s2, f"x{i}", 0.1)) for i in range(4)]
    await asyncio.sleep(0)
    s2.release()
    s2.release()
    xs[1].cancel()
    xs[2].cancel()
    print(await asyncio.gather(*xs, return_exceptions=True))
    sem.release()

    # wait_for timing out on a bounded semaphore, then too many releases.
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    try:
        await asyncio.wait_for(b.acquire(), 0.5)
    except asyncio.TimeoutError:
        print("wait_for timed out, locked", b.locked())
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError", e)

    # async with, cancelled while waiting.
    async def user(name):
        try:
            async with sem:
                print(name, "in")
                await asyncio.sleep(0.1)
        except asyncio.CancelledError:
            print(name, "cancelled in async with")
            raise

    us = [asyncio.create_task(user(f"u{i}")) for i in range(3)]
    await asyncio.sleep(0.05)
    us[1].cancel()
    print(await asyncio.gather(*us, return_exceptions=True))


async def nested(n):
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    ws = [asyncio.create_task(waiter(sem, f"n{n}.{i}")) for i in range(3)]
    await asyncio.sleep(0)
    ws[0].cancel()
    sem.release()
    await asyncio.sleep(0)
    ws[2].cancel()
    r = await asyncio.gather(*ws, return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in r])
    return n


asyncio.run(main())
print(sorted([2, 1], key=lambda n: asyncio.run(nested(n))))
