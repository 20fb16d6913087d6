import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

ROOMS = ["hall", "kitchen", "living room", "bedroom",
         "bathroom", "attic", "cellar", "garage"]

def clean(room):
    cpu(1)                      # scrubbing: pure work, no waiting anywhere
    return room

async def clean_in_turns(room):
    cpu(0.5)
    await asyncio.sleep(0)      # let another room have a turn...
    cpu(0.5)                    # ...the work left is just the same
    return room

async def timed(label, jobs):
    start = time.monotonic()
    await asyncio.gather(*jobs)
    print(f"{label:<24} {time.monotonic() - start:.1f}s")

async def main():
    loop = asyncio.get_running_loop()
    await timed("asyncio, taking turns:", (clean_in_turns(r) for r in ROOMS))
    with ThreadPoolExecutor(8) as pool:
        await timed("8 threads, one GIL:",
                    (loop.run_in_executor(pool, clean, r) for r in ROOMS))
    with ProcessPoolExecutor(8) as pool:
        await timed("8 processes:",
                    (loop.run_in_executor(pool, clean, r) for r in ROOMS))

asyncio.run(main())
