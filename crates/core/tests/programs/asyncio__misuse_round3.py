import asyncio

async def nop():
    return 1

async def attempt(label, coro_fn):
    try:
        r = await coro_fn()
        print(label, "ok", r)
    except (RuntimeError, TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)
    except ExceptionGroup as eg:
        print(label, "ExceptionGroup:", eg, [repr(e) for e in eg.exceptions])

async def main():
    t = asyncio.create_task(asyncio.sleep(0.1, result="t"))
    async def dup_as_completed():
        return [await f for f in asyncio.as_completed([t, t, t])]
    await attempt("as_completed dup", dup_as_completed)
    async def dup_wait():
        done, pending = await asyncio.wait([t, t])
        return len(done), len(pending)
    await attempt("wait dup", dup_wait)
    async def bad_when():
        return await asyncio.wait([t], return_when="SOMETIMES")
    await attempt("bad return_when", bad_when)
    async def sleep_str():
        return await asyncio.sleep("1")
    await attempt("sleep str", sleep_str)
    async def timeout_twice():
        cm = asyncio.timeout(1)
        async with cm:
            async with cm:
                pass
    await attempt("timeout twice", timeout_twice)
    async def reschedule_after_exit():
        async with asyncio.timeout(1) as cm:
            pass
        cm.reschedule(5)
        return cm.when()
    await attempt("reschedule after exit", reschedule_after_exit)
    async def tg_twice():
        tg = asyncio.TaskGroup()
        async with tg:
            async with tg:
                pass
    await attempt("taskgroup twice", tg_twice)
    async def tg_not_entered():
        tg = asyncio.TaskGroup()
        c = nop()
        try:
            tg.create_task(c)
        finally:
            c.close()
    await attempt("taskgroup not entered", tg_not_entered)
    async def wait_for_bad_timeout():
        return await asyncio.wait_for(nop(), "x")
    await attempt("wait_for bad timeout", wait_for_bad_timeout)
    async def gather_non_awaitable():
        return await asyncio.gather(nop(), 5)
    await attempt("gather non-awaitable", gather_non_awaitable)
    await asyncio.sleep(0)
    print("tasks left", len(asyncio.all_tasks()))

asyncio.run(main())
