# asyncio's functions and classes that CPython writes in Python word their
# argument errors as Python functions do (self counted for methods).
import asyncio


async def noop():
    return 1


def attempt(label, fn):
    try:
        fn()
    except TypeError as e:
        print(label, "->", e)


async def main():
    q = asyncio.Queue()
    attempt("put_nowait()", lambda: q.put_nowait())
    attempt("put_nowait(1, 2)", lambda: q.put_nowait(1, 2))
    attempt("get_nowait(1)", lambda: q.get_nowait(1))
    attempt("create_task()", lambda: asyncio.create_task())
    attempt("wait_for()", lambda: asyncio.wait_for())
    attempt("Queue(1, 2)", lambda: asyncio.Queue(1, 2))
    attempt("Lock(1)", lambda: asyncio.Lock(1))
    attempt("Event(1)", lambda: asyncio.Event(1))
    attempt("Semaphore(1, 2)", lambda: asyncio.Semaphore(1, 2))
    attempt("shield()", lambda: asyncio.shield())
    attempt("wait()", lambda: asyncio.wait())
    attempt("as_completed()", lambda: asyncio.as_completed())
    attempt("to_thread()", lambda: asyncio.to_thread())
    attempt("timeout()", lambda: asyncio.timeout())
    attempt("ensure_future()", lambda: asyncio.ensure_future())
    attempt("gather(x=1)", lambda: asyncio.gather(x=1))
    attempt("lock.release(1)", lambda: asyncio.Lock().release(1))
    attempt("ev.set(1)", lambda: asyncio.Event().set(1))
    attempt("current_task(1, 2)", lambda: asyncio.current_task(1, 2))
    attempt("all_tasks(1, 2)", lambda: asyncio.all_tasks(1, 2))
    attempt("put_nowait(1, item=2)", lambda: q.put_nowait(1, item=2))
    attempt("get_nowait(block=False)", lambda: q.get_nowait(block=False))
    attempt("bounded.release(1)", lambda: asyncio.BoundedSemaphore().release(1))
    attempt("sem.release(1)", lambda: asyncio.Semaphore().release(1))
    attempt("cond.notify(1, 2)", lambda: asyncio.Condition().notify(1, 2))
    attempt("cond.locked(1)", lambda: asyncio.Condition().locked(1))
    attempt("Condition(1, 2)", lambda: asyncio.Condition(1, 2))
    attempt("timeout_at()", lambda: asyncio.timeout_at())
    attempt("run()", lambda: asyncio.run())
    q.put_nowait(item="by name")
    print("by name:", q.get_nowait())
    try:
        await asyncio.wait_for(noop())
    except TypeError as e:
        print("wait_for(coro) ->", e)
    try:
        await q.put()
    except TypeError as e:
        print("await put() ->", e)
    try:
        await asyncio.Lock().acquire(True)
    except TypeError as e:
        print("await acquire(True) ->", e)
    await q.put(item="put by name")
    print(await q.get())


asyncio.run(main())
