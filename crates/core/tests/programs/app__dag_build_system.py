import asyncio

GRAPH = {
    "fetch": [],
    "config": [],
    "compile_a": ["fetch", "config"],
    "compile_b": ["fetch"],
    "link": ["compile_a", "compile_b"],
    "docs": ["config"],
    "package": ["link", "docs"],
}
COST = {"fetch": 0.5, "config": 0.1, "compile_a": 1.2, "compile_b": 0.7, "link": 0.3, "docs": 0.9, "package": 0.2}

async def build(name, done_events, log, sem):
    deps = GRAPH[name]
    if deps:
        await asyncio.gather(*(done_events[d].wait() for d in deps))
    async with sem:
        start = asyncio.get_running_loop().time()
        log.append(f"{start:5.2f} start {name:<10} ({', '.join(deps) or '-'})")
        await asyncio.sleep(COST[name])
    done_events[name].set()
    return name, round(asyncio.get_running_loop().time(), 3)

async def main():
    done_events = {n: asyncio.Event() for n in GRAPH}
    log = []
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(build(n, done_events, log, sem) for n in GRAPH))
    for line in log:
        print(line)
    finish = dict(results)
    for n, t in sorted(finish.items(), key=lambda kv: (kv[1], kv[0])):
        print(f"{n:>10} finished at {t:6.3f}")
    critical = max(finish.values())
    print(f"total {critical:.2f}s vs sequential {sum(COST.values()):.2f}s, speedup x{sum(COST.values()) / critical:.2f}")

asyncio.run(main())
