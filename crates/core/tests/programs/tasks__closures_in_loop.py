import asyncio


async def run(fn, d):
    await asyncio.sleep(d)
    return fn()


async def main():
    tasks = []
    for i in range(3):
        tasks.append(asyncio.create_task(run(lambda: i, 0.1 * (3 - i))))
    print(await asyncio.gather(*tasks))
    tasks = [asyncio.create_task(run(lambda i=i: i, 0.1)) for i in range(3)]
    print(await asyncio.gather(*tasks))
    results = []
    async def collect(k):
        await asyncio.sleep(0.01 * (5 - k))
        results.append(k)
    await asyncio.gather(*[collect(k) for k in range(5)])
    print(results)
    unawaited = asyncio.sleep(1)
    print("coroutine created but never awaited; main continues")


asyncio.run(main())
