import asyncio


async def worker(sem, name):
    try:
        async with sem:
            print(name, "enter")
            await asyncio.sleep(1)
            print(name, "leave")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    sem = asyncio.Semaphore(1)
    ts = [asyncio.create_task(worker(sem, n)) for n in "abcd"]
    await asyncio.sleep(1)
    ts[1].cancel()
    ts[2].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print([t.cancelled() for t in ts], asyncio.get_running_loop().time())


asyncio.run(main())
