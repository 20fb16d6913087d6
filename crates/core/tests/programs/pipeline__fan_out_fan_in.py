import asyncio
import random

random.seed(3)


async def producer(q, n_items, n_workers):
    for i in range(n_items):
        await q.put(i)
    for _ in range(n_workers):
        await q.put(None)


async def worker(wid, inq, outq):
    while True:
        item = await inq.get()
        if item is None:
            await outq.put(("done", wid))
            return
        d = random.choice([0.1, 0.2, 0.3])
        await asyncio.sleep(d)
        await outq.put(("result", (item, wid, d)))


async def collector(outq, n_workers):
    finished = 0
    rows = []
    while finished < n_workers:
        kind, payload = await outq.get()
        if kind == "done":
            finished += 1
            print(f"worker {payload} signed off ({finished}/{n_workers})")
        else:
            rows.append(payload)
    return rows


async def main():
    inq, outq = asyncio.Queue(maxsize=3), asyncio.Queue()
    workers = [asyncio.create_task(worker(w, inq, outq)) for w in range(3)]
    prod = asyncio.create_task(producer(inq, 10, 3))
    rows = await collector(outq, 3)
    await prod
    await asyncio.gather(*workers)
    rows.sort()
    print(f"{'item':>4} {'worker':>6} {'secs':>5}")
    for item, wid, d in rows:
        print(f"{item:>4} {wid:>6} {d:>5.1f}")
    per = {}
    for _, wid, d in rows:
        per[wid] = per.get(wid, 0) + d
    print({w: round(s, 2) for w, s in sorted(per.items())})
    print(f"t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
