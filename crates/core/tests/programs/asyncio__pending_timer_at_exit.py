import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(5, print, "never fires")
    h = loop.call_later(0.5, print, "fires")
    asyncio.create_task(asyncio.sleep(100))
    await asyncio.sleep(1)
    print("main returns at", loop.time(), h.cancelled())

asyncio.run(main())
print("after run at", time.monotonic())
asyncio.run(asyncio.sleep(0.5))
print("second run ends at", time.monotonic())
