import asyncio

lock = asyncio.Lock()
trace = []


async def returns_early(i):
    async with lock:
        trace.append(f"r{i} in")
        await asyncio.sleep(0.1)
        if i % 2:
            return "early"
        trace.append(f"r{i} late")
    return "late"


async def raises(i):
    async with lock:
        trace.append(f"x{i} in")
        await asyncio.sleep(0.1)
        raise ValueError(f"x{i}")


async def breaks():
    n = 0
    while True:
        async with lock:
            n += 1
            trace.append(f"b{n}")
            if n == 2:
                break
        await asyncio.sleep(0)
    return n


async def main():
    victim = asyncio.create_task(returns_early(9))
    res = await asyncio.gather(returns_early(1), raises(2), returns_early(4), breaks(), victim,
                               return_exceptions=True)
    print([r if not isinstance(r, Exception) else repr(r) for r in res])
    print(trace)
    c = asyncio.create_task(returns_early(7))
    await asyncio.sleep(0.05)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("cancelled holder; lock still held?", lock.locked())
    print(f"t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
