import asyncio

calls = []

async def once(x):
    calls.append(x)
    await asyncio.sleep(0.1)
    return x * 2

async def main():
    t = asyncio.create_task(once(1))
    r = await asyncio.gather(t, t, t)
    print(r, calls)
    c = once(5)
    r2 = await asyncio.gather(c, c)
    print(r2, calls)
    r3 = await asyncio.gather()
    print(r3, type(r3).__name__)
    g = asyncio.gather()
    print(g.done(), g.result())
    t2 = asyncio.create_task(once(7))
    r4 = await asyncio.gather(t2, once(8), t2, return_exceptions=True)
    print(r4, calls)
    print(len(asyncio.all_tasks()))

asyncio.run(main())
