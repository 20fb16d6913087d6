import asyncio


def report(tag):
    def cb(fut):
        if fut.cancelled():
            print(tag, "cancelled")
        elif fut.exception() is not None:
            print(tag, "exception", repr(fut.exception()))
        else:
            print(tag, "result", fut.result())
    return cb


async def job(v, d):
    await asyncio.sleep(d)
    if v < 0:
        raise ValueError(v)
    return v


async def main():
    t = asyncio.create_task(job(1, 0.1))
    c1 = report("c1")
    c2 = report("c2")
    t.add_done_callback(c1)
    t.add_done_callback(c2)
    t.add_done_callback(c1)
    print("removed", t.remove_done_callback(c1))
    await t
    print("after await")
    t.add_done_callback(report("late"))
    print("added late")
    await asyncio.sleep(0)
    print("after sleep0")
    e = asyncio.create_task(job(-1, 0.1))
    e.add_done_callback(report("e"))
    c = asyncio.create_task(job(2, 1))
    c.add_done_callback(report("c"))
    await asyncio.sleep(0.2)
    c.cancel()
    await asyncio.sleep(0)
    print("one pass")
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
