import asyncio

crash_plan = {"parser": [0.3, 0.2], "indexer": [], "mailer": [0.1, 0.1, 0.1, 0.1]}
runs = {}


async def worker(name):
    n = runs.get(name, 0)
    runs[name] = n + 1
    plan = crash_plan[name]
    if n < len(plan):
        await asyncio.sleep(plan[n])
        raise RuntimeError(f"{name} crashed (run {n + 1})")
    await asyncio.sleep(1)
    return f"{name} completed on run {n + 1}"


async def supervise(name, max_restarts):
    loop = asyncio.get_running_loop()
    restarts = 0
    while True:
        try:
            return await worker(name)
        except RuntimeError as e:
            if restarts == max_restarts:
                print(f"{loop.time():.1f} {name}: giving up ({e})")
                raise
            restarts += 1
            delay = 0.05 * 2 ** restarts
            print(f"{loop.time():.1f} {name}: {e}; restart #{restarts} in {delay:.2f}s")
            await asyncio.sleep(delay)


async def main():
    names = list(crash_plan)
    results = await asyncio.gather(*(supervise(n, 3) for n in names), return_exceptions=True)
    print("-" * 40)
    for n, r in zip(names, results):
        status = "FAILED" if isinstance(r, Exception) else "ok"
        print(f"{n:<8} {status:<6} runs={runs[n]} {r}")


asyncio.run(main())
