import asyncio
import random

random.seed(2024)
backends = {"b1": 0, "b2": 0, "b3": 0}
served = {name: [] for name in backends}


def pick():
    least = min(backends.values())
    candidates = [b for b, n in backends.items() if n == least]
    return random.choice(candidates)


async def handle(req_id, cost):
    b = pick()
    backends[b] += 1
    try:
        await asyncio.sleep(cost)
        served[b].append(req_id)
    finally:
        backends[b] -= 1
    return b


async def main():
    costs = [round(random.uniform(0.1, 0.6), 2) for _ in range(12)]
    tasks = []
    for i, c in enumerate(costs):
        tasks.append(asyncio.create_task(handle(i, c)))
        await asyncio.sleep(0.05)
    chosen = await asyncio.gather(*tasks)
    print("costs ", costs)
    print("chosen", chosen)
    for b, reqs in served.items():
        load = sum(costs[r] for r in reqs)
        print(f"{b}: {len(reqs):2d} reqs, {load:5.2f}s busy, ids {reqs}")
    print("in-flight now", backends, f"t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
