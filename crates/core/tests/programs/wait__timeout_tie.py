import asyncio


async def job(d):
    await asyncio.sleep(d)
    return d


async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.create_task(job(1))
    done, pending = await asyncio.wait([t1], timeout=1)
    print(len(done), len(pending), loop.time())
    t2 = asyncio.create_task(job(1))
    await asyncio.sleep(0)
    done, pending = await asyncio.wait([t2], timeout=1)
    print(len(done), len(pending), loop.time())
    t3 = asyncio.create_task(job(0.5))
    try:
        for f in asyncio.as_completed([t3], timeout=0.5):
            print("as_completed got", await f)
    except TimeoutError:
        print("as_completed timeout", loop.time())
    await asyncio.sleep(1)
    print(t3.done(), t2.done())


asyncio.run(main())
