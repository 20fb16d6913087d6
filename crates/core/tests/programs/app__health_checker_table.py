import asyncio

SERVICES = [("api", 0.05, True), ("db", 0.2, True), ("cache", 0.9, True), ("queue", 0.1, False), ("search", 0.45, True)]


async def probe(name, latency, healthy):
    await asyncio.sleep(latency)
    if not healthy:
        raise ConnectionAbortedError(f"{name} refused")
    return latency * 1000


async def check(name, latency, healthy, budget):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        ms = await asyncio.wait_for(probe(name, latency, healthy), budget)
        return name, "UP", f"{ms:.0f}ms"
    except TimeoutError:
        return name, "SLOW", f">{budget * 1000:.0f}ms"
    except ConnectionError as e:
        return name, "DOWN", str(e)
    finally:
        print(f"{loop.time():.2f} checked {name} in {loop.time() - t0:.2f}s")


async def main():
    rows = await asyncio.gather(*(check(*s, budget=0.5) for s in SERVICES))
    w = max(len(r[0]) for r in rows)
    print(f"+{'-' * (w + 2)}+{'-' * 6}+{'-' * 14}+")
    for name, status, detail in sorted(rows, key=lambda r: ("UP", "SLOW", "DOWN").index(r[1])):
        print(f"| {name:<{w}} | {status:^4} | {detail:<12} |")
    print(f"+{'-' * (w + 2)}+{'-' * 6}+{'-' * 14}+")
    up = sum(1 for r in rows if r[1] == "UP")
    print(f"{up}/{len(rows)} up ({up / len(rows):.0%})")


asyncio.run(main())
