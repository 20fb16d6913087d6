import asyncio
import time


async def sleeper(name, d):
    await asyncio.sleep(d)
    print(name, "woke at", time.monotonic())


async def spinner(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    ts = [asyncio.create_task(sleeper(f"s{d}", d)) for d in (0.5, 0.2, 0.4)]
    ts.append(asyncio.create_task(spinner("sp")))
    await asyncio.sleep(0)
    cpu(1)
    print("main unblocked")
    ts.append(asyncio.create_task(spinner("sp2")))
    await asyncio.gather(*ts)


asyncio.run(main())
