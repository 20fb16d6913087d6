import asyncio

LEAK_EVERY = 0.2


async def leak(bucket, out):
    while True:
        item = await bucket.get()
        out.append((item, round(asyncio.get_running_loop().time(), 2)))
        bucket.task_done()
        await asyncio.sleep(LEAK_EVERY)


async def main():
    bucket = asyncio.Queue(maxsize=4)
    out = []
    dropped = []
    leaker = asyncio.create_task(leak(bucket, out))
    arrivals = [0.0, 0.0, 0.05, 0.05, 0.05, 0.1, 0.1, 0.9, 0.95, 1.0, 1.0, 1.0, 1.0, 1.0]
    now = 0.0
    for i, at in enumerate(arrivals):
        if at > now:
            await asyncio.sleep(at - now)
            now = at
        try:
            bucket.put_nowait(f"p{i}")
        except asyncio.QueueFull:
            dropped.append(f"p{i}")
    await bucket.join()
    leaker.cancel()
    print("sent   :", [f"{p}@{t}" for p, t in out])
    print("dropped:", dropped)
    print(f"rate   : {len(out) / out[-1][1]:.2f} pkt/s over {out[-1][1]}s")


asyncio.run(main())
