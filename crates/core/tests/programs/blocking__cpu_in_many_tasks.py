import asyncio
import time


async def handler(name, work):
    print(name, "start", time.monotonic())
    await asyncio.sleep(0)
    cpu(work)
    print(name, "cpu done", time.monotonic())
    await asyncio.sleep(0.1)
    print(name, "reply", round(time.monotonic(), 3))


async def main():
    t0 = time.perf_counter()
    await asyncio.gather(handler("a", 0.2), handler("b", 0.05), handler("c", 0.3))
    print("total", round(time.perf_counter() - t0, 6))


asyncio.run(main())
