import asyncio
import time

lock = asyncio.Lock()
timeline = []


async def worker(name, n):
    for i in range(n):
        t0 = time.monotonic()
        async with lock:
            waited = time.monotonic() - t0
            cpu(0.05)                     # holds the loop AND the lock
            await asyncio.sleep(0.01)     # lets others queue on the lock
        timeline.append((name, i, round(waited, 3)))


async def heartbeat():
    beats = []
    for _ in range(6):
        await asyncio.sleep(0.1)
        beats.append(round(time.monotonic(), 3))
    return beats


async def main():
    hb = asyncio.create_task(heartbeat())
    await asyncio.gather(worker("A", 3), worker("B", 3), worker("C", 2))
    beats = await hb
    for name, i, waited in timeline:
        print(f"{name}{i} waited {waited:.3f}s")
    gaps = [round(b - a, 3) for a, b in zip([0.0] + beats, beats)]
    print("heartbeat gaps", gaps, "worst", max(gaps))
    print(f"total {time.monotonic():.3f}")


asyncio.run(main())
