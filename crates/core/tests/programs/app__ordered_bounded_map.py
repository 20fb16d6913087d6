import asyncio
import random

random.seed(11)


async def bounded_map(fn, items, limit):
    sem = asyncio.Semaphore(limit)
    results = [None] * len(items)

    async def run(i, item):
        async with sem:
            results[i] = await fn(item)

    await asyncio.gather(*(run(i, x) for i, x in enumerate(items)))
    return results


async def thumbnail(name):
    d = round(random.uniform(0.05, 0.4), 2)
    await asyncio.sleep(d)
    print(f"{asyncio.get_running_loop().time():.2f} resized {name} ({d}s)")
    return f"{name.split('.')[0]}_thumb.png"


async def main():
    names = [f"img{i:02d}.jpg" for i in range(7)]
    out = await bounded_map(thumbnail, names, 3)
    print("in input order:", out)
    width = max(len(n) for n in names)
    for src, dst in zip(names, out):
        print(f"  {src:<{width}} -> {dst}")


asyncio.run(main())
