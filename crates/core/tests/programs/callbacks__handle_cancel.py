import asyncio


def cb(tag):
    print("cb", tag)


async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_later(1, cb, "h1")
    h2 = loop.call_later(2, cb, "h2")
    h3 = loop.call_soon(cb, "h3")
    h4 = loop.call_soon(cb, "h4")
    h3.cancel()
    print(h1.cancelled(), h3.cancelled())
    await asyncio.sleep(1.5)
    h2.cancel()
    print("when", h1.when())
    await asyncio.sleep(1)
    print("end")


asyncio.run(main())
