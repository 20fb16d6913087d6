import asyncio

async def worker(name, q):
    while True:
        item = await q.get()
        try:
            print(name, "start", item)
            await asyncio.sleep(0.3)
            if item == 3:
                raise ValueError(f"item {item} is poison")
            print(name, "done", item)
        finally:
            q.task_done()

async def main():
    q = asyncio.Queue()
    for i in range(6):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker(f"w{n}", q)) for n in range(2)]
    await q.join()
    print("joined at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([repr(r) for r in results])
    raise results[1]

asyncio.run(main())
