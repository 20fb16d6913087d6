import asyncio
import time


async def spinner(n):
    for i in range(n):
        await asyncio.sleep(0)
    print("spinner finished", repr(time.monotonic()))


async def sleeper(d, name):
    await asyncio.sleep(d)
    print(name, "woke", repr(time.monotonic()))


async def main():
    await asyncio.sleep(1)
    await sleeper(5e-10, "alone-5e-10")
    await asyncio.gather(spinner(3), sleeper(5e-10, "with-spinner-5e-10"))
    await asyncio.gather(spinner(20), sleeper(1e-6, "starved-1e-6"))
    await sleeper(2e-9, "alone-2e-9")
    t = time.monotonic()
    await asyncio.gather(sleeper(1e-9, "a"), sleeper(0.9e-9, "b"), sleeper(1.1e-9, "c"))
    print(repr(time.monotonic() - t))


asyncio.run(main())
