import asyncio
import time


def make_bucket(rate, capacity):
    return {"rate": rate, "capacity": capacity, "tokens": capacity,
            "updated": time.monotonic(), "lock": asyncio.Lock()}


def refill(b):
    now = time.monotonic()
    b["tokens"] = min(b["capacity"], b["tokens"] + (now - b["updated"]) * b["rate"])
    b["updated"] = now


async def acquire(b):
    async with b["lock"]:
        while True:
            refill(b)
            if b["tokens"] >= 1:
                b["tokens"] -= 1
                return
            wait = (1 - b["tokens"]) / b["rate"]
            await asyncio.sleep(wait)


async def request(bucket, i, log):
    await acquire(bucket)
    t = time.monotonic()
    log.append((i, t))
    print(f"request {i:2d} sent at {t:6.3f} (tokens left {bucket['tokens']:.2f})")


async def main():
    bucket = make_bucket(rate=4, capacity=3)
    log = []
    await asyncio.gather(*(request(bucket, i, log) for i in range(10)))
    gaps = [round(b[1] - a[1], 3) for a, b in zip(log, log[1:])]
    print("gaps:", gaps)
    print("order:", [i for i, _ in log])
    print(f"total {time.monotonic():.3f}s")


asyncio.run(main())
