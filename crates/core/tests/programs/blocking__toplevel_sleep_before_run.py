import asyncio
import time

print("start", time.monotonic())
time.sleep(1.5)
cpu(0.25)
print("before run", time.monotonic())


async def main():
    loop = asyncio.get_running_loop()
    print("loop time", loop.time())
    await asyncio.sleep(0.5)
    print("after sleep", loop.time())
    loop.call_later(0.1, lambda: cpu(0.3))
    await asyncio.sleep(0.2)
    print("woke", loop.time())


asyncio.run(main())
print("after run", time.monotonic())
