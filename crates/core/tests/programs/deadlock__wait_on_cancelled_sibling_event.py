import asyncio

async def setter(ev):
    await asyncio.sleep(1)
    ev.set()

async def main():
    ev = asyncio.Event()
    s = asyncio.create_task(setter(ev))
    await asyncio.sleep(0.5)
    s.cancel()
    print("setter cancelled, waiting anyway")
    await ev.wait()

asyncio.run(main())
