# Concurrent burgers: while one burger cooks, the cashier takes the next order.
import asyncio
import time


async def make_burger(n):
    print(f"{time.monotonic():.1f}s  order {n}: into the grill")
    await asyncio.sleep(3)  # waiting on the grill, not working
    print(f"{time.monotonic():.1f}s  order {n}: burger ready")
    return f"burger #{n}"


async def main():
    burgers = await asyncio.gather(*(make_burger(n) for n in range(1, 4)))
    print(f"{time.monotonic():.1f}s  served {burgers}: three burgers in 3 s, not 9")


asyncio.run(main())
