import asyncio

started = []

async def job(tag):
    started.append(tag)
    await asyncio.sleep(0)
    return tag

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(job("a"), timeout=0)
    except TimeoutError:
        print("timeout 0 with coroutine; started:", started, "at", loop.time())
    fut = loop.create_future()
    fut.set_result("ready")
    print(await asyncio.wait_for(fut, 0))
    t = asyncio.create_task(job("b"))
    await asyncio.sleep(0.1)
    print(await asyncio.wait_for(t, -1))
    try:
        await asyncio.wait_for(job("c"), timeout=-5)
    except TimeoutError:
        print("negative timeout; started:", started)
    print(await asyncio.wait_for(job("d"), None), started)
    print(asyncio.current_task().get_name(), asyncio.create_task(job("e")).get_name())

asyncio.run(main())
