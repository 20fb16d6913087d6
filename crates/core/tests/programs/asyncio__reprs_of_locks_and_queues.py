# The reprs of asyncio objects as print shows them: locks, events,
# conditions and semaphores with their state and waiters (the part from
# "[" on, the address before it being CPython's own) and queues' str. A
# task's repr: tasks__repr_state_name_result.
import asyncio


def tail(x):
    r = repr(x)
    return r[r.index("["):]


async def hold(prim, name):
    async with prim:
        await asyncio.sleep(1)
    print(name, "released")


async def waiter(ev):
    await ev.wait()


async def cond_waiter(c):
    async with c:
        await c.wait()


async def main():
    s = asyncio.Semaphore(2)
    print("sem", tail(s))
    await s.acquire()
    print("sem", tail(s))
    await s.acquire()
    print("sem", tail(s))
    t = asyncio.create_task(hold(s, "s"))
    await asyncio.sleep(0)
    print("sem", tail(s))
    s.release()
    print("sem", tail(s))
    await asyncio.sleep(0)
    print("sem", tail(s))
    s.release()
    await t
    print("sem", tail(s))
    b = asyncio.BoundedSemaphore(1)
    print("bsem", tail(b))
    await b.acquire()
    print("bsem", tail(b))
    b.release()

    lock = asyncio.Lock()
    print("lock", tail(lock))
    await lock.acquire()
    print("lock", tail(lock))
    t1 = asyncio.create_task(hold(lock, "l1"))
    t2 = asyncio.create_task(hold(lock, "l2"))
    await asyncio.sleep(0)
    print("lock", tail(lock))
    lock.release()
    print("lock", tail(lock))
    await asyncio.gather(t1, t2)
    print("lock", tail(lock))

    ev = asyncio.Event()
    print("event", tail(ev))
    w = [asyncio.create_task(waiter(ev)) for _ in range(3)]
    await asyncio.sleep(0)
    print("event", tail(ev))
    ev.set()
    print("event", tail(ev))
    await asyncio.gather(*w)
    print("event", tail(ev))

    c = asyncio.Condition()
    print("cond", tail(c))
    cw = [asyncio.create_task(cond_waiter(c)) for _ in range(2)]
    await asyncio.sleep(0)
    print("cond", tail(c))
    async with c:
        print("cond", tail(c))
        c.notify_all()
    await asyncio.gather(*cw)
    print("cond", tail(c))

    q = asyncio.Queue(2)
    print(q)
    print(str(q))
    await q.put(1)
    print(q)
    await q.put("two")
    print(q)
    p = asyncio.create_task(q.put(3))
    await asyncio.sleep(0)
    print(q)
    print(await q.get())
    await asyncio.sleep(0)
    print(q)
    q.task_done()
    print(q)
    while not q.empty():
        q.get_nowait()
        q.task_done()
    print(q)
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(q)
    q.put_nowait(9)
    await g
    q.task_done()
    print(q)
    print(asyncio.Queue())

    # A semaphore released twice while one task waits: the task is woken by
    # the first release and still counts as a waiter, so it stays locked.
    s2 = asyncio.Semaphore(0)
    t3 = asyncio.create_task(hold(s2, "s2"))
    await asyncio.sleep(0)
    print("sem2", tail(s2))
    s2.release()
    s2.release()
    print("sem2", tail(s2))
    await asyncio.sleep(0)
    print("sem2", tail(s2))
    await t3
    print("sem2", tail(s2))


asyncio.run(main())
