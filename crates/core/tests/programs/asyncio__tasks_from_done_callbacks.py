import asyncio

spawned = []

async def job(n):
    await asyncio.sleep(0.1)
    print("job", n, "as", asyncio.current_task().get_name(), "at", asyncio.get_running_loop().time())
    return n

def on_done(t):
    n = t.result()
    print("done callback for", t.get_name(), "current task:", asyncio.current_task())
    if n < 3:
        nt = asyncio.get_running_loop().create_task(job(n + 1))
        nt.add_done_callback(on_done)
        spawned.append(nt)

async def main():
    t = asyncio.create_task(job(0))
    t.add_done_callback(on_done)
    await asyncio.sleep(1)
    print([s.get_name() for s in spawned], [s.result() for s in spawned])
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: asyncio.ensure_future(job(f.result())))
    fut.set_result(99)
    print("future set; callback pending")
    await asyncio.sleep(0.2)

asyncio.run(main())
