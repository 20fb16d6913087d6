import asyncio
import time

WINDOW = 1.0
LIMIT = 3
stamps = []


async def wait_turn(who):
    global stamps
    while True:
        now = time.monotonic()
        stamps = [s for s in stamps if now - s < WINDOW]
        if len(stamps) < LIMIT:
            stamps.append(now)
            return now
        oldest = stamps[0]
        delay = WINDOW - (now - oldest)
        print(f"  {who} throttled for {delay:.2f}s")
        await asyncio.sleep(delay)


async def client(name, n, pause):
    done = []
    for k in range(n):
        t = await wait_turn(f"{name}#{k}")
        print(f"{name}#{k} allowed at {t:.2f}")
        done.append(t)
        await asyncio.sleep(pause)
    return name, done


async def main():
    results = await asyncio.gather(client("alpha", 4, 0.1), client("beta", 3, 0.25))
    for name, ts in results:
        span = ts[-1] - ts[0]
        print(f"{name:<6} {len(ts)} calls over {span:.2f}s")


asyncio.run(main())
