import asyncio
import time

async def main():
    for i, stamp in enumerate(time.monotonic() for _ in range(3)):
        print(i, stamp)
        await asyncio.sleep(1)
    for a, b in zip(range(2), (time.monotonic() for _ in range(2))):
        print("zip", a, b)
        await asyncio.sleep(0.5)
    for v in map(lambda s: round(s, 1), (time.monotonic() for _ in range(2))):
        print("map", v)
        await asyncio.sleep(0.25)

asyncio.run(main())
