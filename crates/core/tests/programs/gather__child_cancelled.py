import asyncio


async def child(name, d):
    await asyncio.sleep(d)
    return name


async def waiter(g):
    try:
        r = await g
        print("waiter got", r)
    except asyncio.CancelledError:
        print("waiter saw CancelledError")


async def main():
    t1 = asyncio.create_task(child("a", 1))
    t2 = asyncio.create_task(child("b", 0.5))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    w = asyncio.create_task(waiter(g))
    await asyncio.sleep(0.1)
    t1.cancel()
    await w
    print(g.done(), g.cancelled())
    t3 = asyncio.create_task(child("c", 1))
    t4 = asyncio.create_task(child("d", 0.5))
    g2 = asyncio.gather(t3, t4)
    w2 = asyncio.create_task(waiter(g2))
    await asyncio.sleep(0.1)
    t3.cancel()
    await w2
    print(g2.done(), g2.cancelled(), t4.done())
    await asyncio.sleep(1)
    print(t4.result())


asyncio.run(main())
