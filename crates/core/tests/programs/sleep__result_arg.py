import asyncio


async def main():
    v = await asyncio.sleep(0.5, result="ok")
    print(v)
    v = await asyncio.sleep(0, result=[1, 2])
    print(v)
    v = await asyncio.sleep(0)
    print(v)
    r = await asyncio.gather(asyncio.sleep(1, "a"), asyncio.sleep(0.5, "b"))
    print(r)


asyncio.run(main())
