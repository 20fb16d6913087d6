import asyncio

async def main():
    loop = asyncio.get_running_loop()
    handles = [loop.call_later(d, print, "timer", d) for d in (1, 2, 3)]
    fut = loop.create_future()
    await asyncio.sleep(0.5)
    for h in handles:
        h.cancel()
    print("timers cancelled; waiting on a future nobody sets")
    await fut

asyncio.run(main())
