import asyncio

async def worker(name, q, log):
    while True:
        item = await q.get()
        try:
            await asyncio.sleep(item * 0.1)
            log.append((name, item))
        finally:
            q.task_done()

async def joiner(q, label):
    await q.join()
    print(label, "saw queue drained at", asyncio.get_running_loop().time())

async def main():
    q = asyncio.Queue()
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", q, log), name=f"w{i}") for i in range(3)]
    for item in [3, 1, 4, 1, 5, 9, 2, 6]:
        q.put_nowait(item)
    j1 = asyncio.create_task(joiner(q, "j1"))
    j2 = asyncio.create_task(joiner(q, "j2"))
    await q.join()
    print("main join done at", asyncio.get_running_loop().time(), q.qsize(), q.empty())
    await asyncio.gather(j1, j2)
    print(log)
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    await q.join()
    print("join on drained queue returns at once")
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
