import asyncio

last_beat = {"worker": 0.0}


async def worker():
    loop = asyncio.get_running_loop()
    work = [0.3, 0.3, 0.3, 1.6, 0.2]
    for i, w in enumerate(work):
        await asyncio.sleep(w)
        last_beat["worker"] = loop.time()
        print(f"{loop.time():.1f} worker beat {i}")
    return "finished"


async def watchdog(target, limit):
    loop = asyncio.get_running_loop()
    while not target.done():
        await asyncio.sleep(0.25)
        silent = loop.time() - last_beat["worker"]
        if silent > limit:
            print(f"{loop.time():.2f} watchdog: silent for {silent:.2f}s, killing worker")
            target.cancel("watchdog")
            return "killed"
    return "idle"


async def main():
    w = asyncio.create_task(worker(), name="worker")
    d = asyncio.create_task(watchdog(w, 1.0), name="watchdog")
    results = await asyncio.gather(w, d, return_exceptions=True)
    for task, r in zip((w, d), results):
        print(f"{task.get_name():>8}: {r!r}")


asyncio.run(main())
