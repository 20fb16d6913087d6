import asyncio

order = []


def cb(loop, depth):
    print("cb depth", depth, loop.time())
    if depth < 3:
        loop.call_soon(cb, loop, depth + 1)
        loop.call_later(0.1, cb, loop, depth + 10)


async def other():
    for i in range(4):
        print("other", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, loop, 0)
    await asyncio.gather(other(), asyncio.sleep(0.5))
    print("end")


asyncio.run(main())
