import asyncio

PASS = [0]
STOP = [False]


async def counter():
    while not STOP[0]:
        PASS[0] += 1
        await asyncio.sleep(0)


def mark(label):
    print(f"pass {PASS[0]:2d}: {label}")


async def quick(v):
    return v


async def main():
    asyncio.create_task(counter())
    await asyncio.sleep(0)
    mark("start")
    await asyncio.gather(quick(1))
    mark("gather(coro)")
    await asyncio.gather()
    mark("gather()")
    t = asyncio.create_task(quick(2))
    await t
    mark("await fresh task")
    await t
    mark("await done task")
    await asyncio.wait_for(quick(3), 1)
    mark("wait_for(coro, 1)")
    await asyncio.wait_for(quick(3), None)
    mark("wait_for(coro, None)")
    await asyncio.shield(quick(4))
    mark("shield(coro)")
    await asyncio.wait([asyncio.create_task(quick(5))])
    mark("wait([task])")
    for f in asyncio.as_completed([asyncio.create_task(quick(6))]):
        await f
    mark("as_completed 1 task")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(quick(7))
    mark("TaskGroup with 1 task")
    async with asyncio.timeout(1):
        await quick(8)
    mark("timeout block no await")
    async with asyncio.timeout(1):
        await asyncio.sleep(0)
    mark("timeout block sleep0")
    lock = asyncio.Lock()
    async with lock:
        pass
    mark("uncontended lock")
    ev = asyncio.Event()
    ev.set()
    await ev.wait()
    mark("set event wait")
    q = asyncio.Queue()
    q.put_nowait(1)
    await q.get()
    await q.put(2)
    mark("queue get/put without blocking")
    STOP[0] = True
    await asyncio.sleep(0.001)
    mark("sleep 0.001")


asyncio.run(main())
