import asyncio
import time


async def worker(name, q, sem, log):
    try:
        while True:
            job = await q.get()
            async with sem:
                log.append((name, job))
                cpu(0.01 * job)
                await asyncio.sleep(0.1 * job)
            q.task_done()
    except asyncio.CancelledError:
        print(f"{time.monotonic():.2f} {name} stopping")
        raise


async def main():
    q = asyncio.Queue()
    sem = asyncio.Semaphore(2)
    log = []
    for job in [3, 1, 4, 1, 5, 9, 2, 6]:
        q.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", q, sem, log), name=f"worker-{i}") for i in range(3)]
    await q.join()
    print(f"{time.monotonic():.2f} queue drained", log)
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res], [w.get_name() for w in workers])


asyncio.run(main())
