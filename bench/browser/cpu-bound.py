# A task that computes for a long time without awaiting: 3 million loop
# iterations (6 million interpreter steps) and four trace events. For
# `node bench/browser/page-bench.mjs --longtasks-only --program
# bench/browser/cpu-bound.py`: the page must still never block its main
# thread for more than 50 ms (the session pauses Python between slices).
import asyncio


async def main():
    s = 0
    for i in range(3_000_000):
        s += i
    print(s)


asyncio.run(main())
