import asyncio


def cb(tag, *rest):
    print("cb", tag, rest)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "one")
    loop.call_soon(cb, "two", 2, 3)
    loop.call_later(0, cb, "later0")
    loop.call_later(0.5, cb, "later0.5")
    loop.call_at(loop.time() + 0.5, cb, "at0.5")
    loop.call_later(0.25, cb, "later0.25")
    print("scheduled", loop.time())
    await asyncio.sleep(0)
    print("after first sleep0")
    await asyncio.sleep(0)
    print("after second sleep0")
    await asyncio.sleep(1)
    print("end", loop.time())


asyncio.run(main())
