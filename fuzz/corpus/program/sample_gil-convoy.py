import asyncio
import time

def crunch():
    # pure-Python number crunching in a worker thread: it needs the GIL
    cpu(1)
    print("worker: done crunching")

async def ticker(ticks):
    last = 0.0
    for _ in range(ticks):
        await asyncio.sleep(0.1)
        now = time.monotonic()
        print(f"tick at {now:.3f}s, {now - last:.3f}s after the last one")
        last = now

async def main():
    await asyncio.gather(ticker(13), asyncio.to_thread(crunch))

asyncio.run(main())
