import asyncio

active = {"now": 0, "peak": 0}


async def process(item, sem):
    async with sem:
        active["now"] += 1
        active["peak"] = max(active["peak"], active["now"])
        await asyncio.sleep(0.1 + (item % 3) * 0.05)
        active["now"] -= 1
        return item * item


async def run_batches(items, batch_size, sem):
    out = []
    for start in range(0, len(items), batch_size):
        batch = items[start:start + batch_size]
        t0 = asyncio.get_running_loop().time()
        res = await asyncio.gather(*(process(i, sem) for i in batch))
        t1 = asyncio.get_running_loop().time()
        print(f"batch {start // batch_size}: {batch} -> {res} in {t1 - t0:.2f}s")
        out.extend(res)
    return out


async def main():
    sem = asyncio.Semaphore(2)
    items = list(range(1, 11))
    out = await run_batches(items, 4, sem)
    print("sum", sum(out), "max", max(out), "peak concurrency", active["peak"])
    print("evens", [x for x in out if x % 2 == 0])
    print("any > 50:", any(x > 50 for x in out), "all > 0:", all(x > 0 for x in out))


asyncio.run(main())
