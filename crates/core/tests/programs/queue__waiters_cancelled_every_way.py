import asyncio


async def getter(q, name):
    try:
        v = await q.get()
        print(name, "got", v)
        return v
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args, "qsize", q.qsize())
        raise


async def putter(q, name, v):
    try:
        await q.put(v)
        print(name, "put", v, "qsize", q.qsize())
    except asyncio.CancelledError as e:
        print(name, "cancelled", e.args, "qsize", q.qsize())
        raise


async def main():
    q = asyncio.Queue()
    # A getter cancelled with a message, then an item put before it runs:
    # the cancelled getter is skipped and the next one gets the item.
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    print("cancel g1:", g1.cancel("stop g1"), g1.cancel("again"))
    q.put_nowait("a")
    await asyncio.gather(g1, g2, return_exceptions=True)
    print("g1", g1.cancelled(), "g2", g2.result(), "qsize", q.qsize())

    # A getter woken, then cancelled before it runs: it passes the item on.
    g3 = asyncio.create_task(getter(q, "g3"))
    g4 = asyncio.create_task(getter(q, "g4"))
    await asyncio.sleep(0)
    q.put_nowait("b")
    q.put_nowait("c")
    print("cancel g3:", g3.cancel(), "cancel g3 again:", g3.cancel())
    await asyncio.gather(g3, g4, return_exceptions=True)
    print("g3", g3.cancelled(), "g4", g4.result(), "qsize", q.qsize(), q.get_nowait())

    # Putters on a full queue: one cancelled while waiting, one after it was woken.
    q = asyncio.Queue(1)
    q.put_nowait(0)
    ps = [asyncio.create_task(putter(q, f"p{i}", i)) for i in range(1, 5)]
    await asyncio.sleep(0)
    ps[1].cancel("p2 off")
    print("got", q.get_nowait())
    ps[0].cancel()
    await asyncio.sleep(0)
    print("qsize", q.qsize())
    while not q.empty() or not all(p.done() for p in ps):
        print("got", await q.get())
        await asyncio.sleep(0)
    print([p.cancelled() for p in ps])

    # wait_for on get and put, timing out and not.
    try:
        await asyncio.wait_for(q.get(), 0.5)
    except TimeoutError:
        print("get timed out at", asyncio.get_running_loop().time())
    q.put_nowait("x")
    try:
        await asyncio.wait_for(q.put("y"), 0.25)
    except TimeoutError:
        print("put timed out at", asyncio.get_running_loop().time(), q.qsize())
    print("get", await asyncio.wait_for(q.get(), 1))

    # A task group whose getter is cancelled when another task fails.
    q = asyncio.Queue()

    async def boom():
        await asyncio.sleep(0.1)
        raise ValueError("boom")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(getter(q, "t0"))
            tg.create_task(boom())
    except ExceptionGroup as eg:
        print("group:", eg.exceptions)
    print("qsize", q.qsize())

    # Cancelled while waiting, the cancellation taken back, then it waits again.
    async def stubborn(q):
        while True:
            try:
                return await q.get()
            except asyncio.CancelledError:
                print("stubborn: cancelled, uncancel ->", asyncio.current_task().uncancel())

    s = asyncio.create_task(stubborn(q))
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0)
    q.put_nowait("z")
    print("stubborn got", await s)

    # A shielded get, the outer task cancelled.
    q = asyncio.Queue()
    inner = asyncio.ensure_future(q.get())

    async def shielded():
        return await asyncio.shield(inner)

    outer = asyncio.create_task(shielded())
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    q.put_nowait("shielded")
    print("inner", await inner, "outer cancelled", outer.cancelled())


asyncio.run(main())
