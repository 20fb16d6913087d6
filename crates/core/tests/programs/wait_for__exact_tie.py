import asyncio


async def job(d):
    await asyncio.sleep(d)
    return d


async def main():
    loop = asyncio.get_running_loop()
    for d, t in [(1, 1), (0.3, 0.1 + 0.2), (0.1 + 0.2, 0.3), (0, 0)]:
        try:
            r = await asyncio.wait_for(job(d), t)
            print(d, t, "result", r)
        except TimeoutError:
            print(d, t, "timeout")
    print(loop.time())


asyncio.run(main())
