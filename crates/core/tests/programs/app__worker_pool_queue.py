import asyncio
import random

random.seed(7)


async def worker(name, queue, results):
    handled = 0
    while True:
        job = await queue.get()
        try:
            if job is None:
                print(f"{name} stopping after {handled} jobs")
                return handled
            cost = job["size"] * 0.1
            await asyncio.sleep(cost)
            results[job["id"]] = (name, cost)
            handled += 1
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = {}
    jobs = [{"id": i, "size": random.randint(1, 5)} for i in range(12)]
    for job in jobs:
        queue.put_nowait(job)
    print("queued", queue.qsize(), "jobs; sizes", [j["size"] for j in jobs])
    workers = [asyncio.create_task(worker(f"w{n}", queue, results)) for n in range(3)]
    await queue.join()
    print(f"all jobs done at t={asyncio.get_running_loop().time():.1f}")
    for _ in workers:
        queue.put_nowait(None)
    counts = await asyncio.gather(*workers)
    print("per worker:", counts, "sum", sum(counts))
    by_worker = {}
    for job_id, (name, cost) in sorted(results.items()):
        by_worker.setdefault(name, []).append(job_id)
    for name in sorted(by_worker):
        ids = by_worker[name]
        print(f"{name}: {ids} busy {sum(results[i][1] for i in ids):.1f}s")


asyncio.run(main())
