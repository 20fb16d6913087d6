import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(asyncio.sleep(10))
    h = loop.call_later(20, print, "never")
    await asyncio.sleep(1)
    t.cancel()
    h.cancel()
    loop.call_later(50, print, "pending at exit")
    await asyncio.sleep(0)
    print("main done", loop.time())


asyncio.run(main())
print("after run", time.monotonic())
