import asyncio


async def quick(v):
    return v


async def main():
    t1 = asyncio.create_task(quick(1))
    t2 = asyncio.create_task(quick(2))
    await asyncio.sleep(0)
    print(t1.done(), t2.done())
    r = await asyncio.gather(t1, t2)
    print("gathered", r)
    r = await asyncio.gather(t1, quick(3), t2)
    print("gathered2", r)
    r = await asyncio.gather(t1, t1, t2)
    print("dup", r)
    print("end")


asyncio.run(main())
