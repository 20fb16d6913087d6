import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    now = loop.time()
    loop.call_at(now - 5, print, "past -5")
    loop.call_at(now, print, "exactly now")
    loop.call_soon(print, "soon")
    loop.call_at(now - 10, print, "past -10")
    loop.call_later(-1, print, "negative delay")
    loop.call_later(0, print, "zero delay")
    loop.call_at(now + 1e-10, print, "within resolution")
    loop.call_at(now + 1e-6, print, "slightly later")
    print("scheduled at", now)
    await asyncio.sleep(0)
    print("after one pass")
    await asyncio.sleep(0.1)
    print("end at", loop.time())

asyncio.run(main())
