import asyncio
import time


def blocking_cb(tag):
    print(tag, "start", time.monotonic())
    time.sleep(0.5)
    print(tag, "end", time.monotonic())


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, blocking_cb, "cb1")
    loop.call_later(0.3, blocking_cb, "cb2")
    loop.call_later(0.9, blocking_cb, "cb3")
    await asyncio.sleep(0.25)
    print("main woke", time.monotonic())
    await asyncio.sleep(1)
    print("end", time.monotonic(), time.perf_counter(), time.time())


asyncio.run(main())
