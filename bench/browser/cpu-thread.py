# A worker thread that computes for a long time while the event loop waits
# for it: 3 million loop iterations (6 million interpreter steps) in
# `asyncio.to_thread`. For `node bench/browser/page-bench.mjs --longtasks-only
# --program bench/browser/cpu-thread.py`: the page must never block its main
# thread for more than 50 ms (the session pauses the thread's Python between
# slices, as it does a task's).
import asyncio


def crunch():
    s = 0
    for i in range(3_000_000):
        s += i
    return s


async def main():
    print(await asyncio.to_thread(crunch))


asyncio.run(main())
