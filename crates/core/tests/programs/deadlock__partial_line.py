import asyncio


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_later(5, print, "cancelled timer")
    await asyncio.sleep(1)
    h.cancel()
    print("waiting forever...", end="")
    await asyncio.Event().wait()


asyncio.run(main())
