import asyncio

async def worker(q):
    while True:
        item = await q.get()
        if item == 2:
            raise RuntimeError("worker crashed without task_done")
        print("handled", item)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for i in range(5):
        q.put_nowait(i)
    asyncio.create_task(worker(q))
    await q.join()
    print("unreachable")

asyncio.run(main())
