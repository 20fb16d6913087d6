import asyncio

SENTINEL = None


async def source(out_q, n):
    for i in range(n):
        await asyncio.sleep(0.05)
        await out_q.put(i)
        print(f"{asyncio.get_running_loop().time():.2f} produced {i}")
    await out_q.put(SENTINEL)


async def stage(name, in_q, out_q, fn, delay):
    count = 0
    while True:
        item = await in_q.get()
        if item is SENTINEL:
            await out_q.put(SENTINEL)
            print(f"{name} done after {count}")
            return count
        await asyncio.sleep(delay)
        count += 1
        await out_q.put(fn(item))


async def sink(in_q, results):
    while True:
        item = await in_q.get()
        if item is SENTINEL:
            return
        results.append(item)
        print(f"{asyncio.get_running_loop().time():.2f} sink got {item}")


async def main():
    q1, q2, q3 = asyncio.Queue(maxsize=2), asyncio.Queue(maxsize=2), asyncio.Queue()
    results = []
    await asyncio.gather(
        source(q1, 6),
        stage("square", q1, q2, lambda x: x * x, 0.1),
        stage("label", q2, q3, lambda x: f"<{x}>", 0.03),
        sink(q3, results),
    )
    print("results", results)


asyncio.run(main())
