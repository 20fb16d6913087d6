import asyncio

async def val(x, d=0.0):
    await asyncio.sleep(d)
    return x

def probe(label):
    t = asyncio.get_running_loop().create_task(val(None))
    print(f"{label:<28} next task is {t.get_name()}")
    return t

async def main():
    loop = asyncio.get_running_loop()
    keep = [probe("start")]
    await asyncio.gather(val(1), val(2))
    keep.append(probe("after gather(2 coros)"))
    t = asyncio.ensure_future(val(3))
    keep.append(probe("after ensure_future"))
    await asyncio.gather(t, loop.create_future() if False else val(4))
    keep.append(probe("after gather(task, coro)"))
    for f in asyncio.as_completed([val(5, 0.2), val(6, 0.1)]):
        await f
    keep.append(probe("after as_completed(2)"))
    await asyncio.wait_for(val(7), 1)
    keep.append(probe("after wait_for(coro)"))
    await asyncio.wait_for(asyncio.create_task(val(8)), 1)
    keep.append(probe("after wait_for(task)"))
    await asyncio.shield(val(9))
    keep.append(probe("after shield(coro)"))
    async with asyncio.timeout(1):
        await val(10)
    keep.append(probe("after timeout block"))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(val(11))
        tg.create_task(val(12), name="named")
    keep.append(probe("after TaskGroup(2)"))
    fut = loop.create_future()
    fut.set_result(0)
    await asyncio.gather(fut, fut)
    keep.append(probe("after gather(futures)"))
    await asyncio.wait([asyncio.create_task(val(13))])
    keep.append(probe("after wait([task])"))
    await asyncio.gather(*keep)

asyncio.run(main())
