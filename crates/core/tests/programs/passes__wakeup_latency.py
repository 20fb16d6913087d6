import asyncio

PASS = [0]
STOP = [False]


async def counter():
    while not STOP[0]:
        PASS[0] += 1
        await asyncio.sleep(0)


def mark(label):
    print(f"pass {PASS[0]:2d}: {label}")


async def main():
    asyncio.create_task(counter())
    await asyncio.sleep(0)
    lock = asyncio.Lock()
    await lock.acquire()

    async def lock_waiter():
        async with lock:
            mark("lock waiter acquired")

    t = asyncio.create_task(lock_waiter())
    await asyncio.sleep(0)
    mark("releasing lock")
    lock.release()
    await t
    mark("main after lock waiter")

    ev = asyncio.Event()

    async def ev_waiter():
        await ev.wait()
        mark("event waiter woke")

    t = asyncio.create_task(ev_waiter())
    await asyncio.sleep(0)
    mark("setting event")
    ev.set()
    await t

    q = asyncio.Queue()

    async def q_getter():
        v = await q.get()
        mark(f"getter got {v}")

    t = asyncio.create_task(q_getter())
    await asyncio.sleep(0)
    mark("put_nowait")
    q.put_nowait("x")
    await t

    cond = asyncio.Condition()

    async def c_waiter():
        async with cond:
            await cond.wait()
            mark("cond waiter woke")

    t = asyncio.create_task(c_waiter())
    await asyncio.sleep(0)
    async with cond:
        mark("notify")
        cond.notify()
    await t

    sem = asyncio.Semaphore(0)

    async def s_waiter():
        await sem.acquire()
        mark("sem waiter acquired")

    t = asyncio.create_task(s_waiter())
    await asyncio.sleep(0)
    mark("sem release")
    sem.release()
    await t

    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def f_waiter():
        await fut
        mark("future waiter woke")

    t = asyncio.create_task(f_waiter())
    await asyncio.sleep(0)
    mark("set_result")
    fut.set_result(1)
    await t

    STOP[0] = True
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    PASS[0] = 0

    async def ticker():
        for i in range(40):
            PASS[0] += 1
            await asyncio.sleep(0.125)

    asyncio.create_task(ticker())

    async def sleeper():
        await asyncio.sleep(0.5)
        mark("sleeper woke")

    t = asyncio.create_task(sleeper())
    r = await asyncio.wait_for(t, 1)
    mark("wait_for(task) returned")
    t = asyncio.create_task(sleeper())
    done, _ = await asyncio.wait([t])
    mark("wait returned")
    g = asyncio.gather(sleeper(), sleeper())
    await g
    mark("gather of 2 returned")


asyncio.run(main())
