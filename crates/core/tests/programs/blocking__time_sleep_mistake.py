import asyncio
import time


async def bad_fetch(name):
    print(f"{time.monotonic():.2f} {name} start")
    time.sleep(0.5)            # oops: blocks the whole loop
    print(f"{time.monotonic():.2f} {name} end")
    return name


async def good_fetch(name):
    print(f"{time.monotonic():.2f} {name} start")
    await asyncio.sleep(0.5)
    print(f"{time.monotonic():.2f} {name} end")
    return name


async def measure(label, fn):
    t0 = time.monotonic()
    res = await asyncio.gather(*(fn(f"{label}{i}") for i in range(3)))
    dt = time.monotonic() - t0
    print(f"{label}: {res} took {dt:.2f}s")
    return dt


async def spinner(stop):
    n = 0
    while not stop.is_set():
        await asyncio.sleep(0.1)
        n += 1
    return n


async def main():
    stop = asyncio.Event()
    spin = asyncio.create_task(spinner(stop))
    bad = await measure("bad", bad_fetch)
    good = await measure("good", good_fetch)
    stop.set()
    spins = await spin
    print(f"slowdown x{bad / good:.1f}, spinner woke {spins} times")


asyncio.run(main())
