import asyncio


async def joiner(q, name):
    await q.join()
    print(name, "join returned")


async def main():
    q = asyncio.Queue()
    q.put_nowait("a")
    q.put_nowait("b")
    js = [asyncio.create_task(joiner(q, f"j{i}")) for i in range(3)]
    await asyncio.sleep(0)
    q.get_nowait()
    q.task_done()
    print("one done")
    await asyncio.sleep(0.1)
    q.get_nowait()
    q.task_done()
    print("all done")
    await asyncio.gather(*js)
    q.put_nowait("c")
    q.get_nowait()
    t = asyncio.create_task(joiner(q, "late"))
    await asyncio.sleep(0.1)
    print("late done?", t.done())
    q.task_done()
    await t


asyncio.run(main())
