import asyncio


async def worker(q, name):
    while True:
        job = await q.get()
        await asyncio.sleep(job)
        print(name, "finished", job)
        q.task_done()


async def main():
    q = asyncio.Queue()
    for j in [0.3, 0.1, 0.2, 0.4, 0.1]:
        q.put_nowait(j)
    ws = [asyncio.create_task(worker(q, f"w{i}")) for i in range(2)]
    await q.join()
    print("all done at", asyncio.get_running_loop().time())
    await q.join()
    print("join again immediate")
    for w in ws:
        w.cancel()
    r = await asyncio.gather(*ws, return_exceptions=True)
    print([type(x).__name__ for x in r])


asyncio.run(main())
