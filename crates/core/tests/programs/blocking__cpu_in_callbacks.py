import asyncio
import time


async def job(name, d):
    await asyncio.sleep(d)
    print(name, "finished", time.monotonic())
    return name


def heavy_cb(fut):
    print("done callback for", fut.result(), "starts", time.monotonic())
    cpu(0.5)
    print("done callback ends", time.monotonic())


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(job("a", 1))
    b = asyncio.create_task(job("b", 1.2))
    c = asyncio.create_task(job("c", 1.4))
    a.add_done_callback(heavy_cb)
    loop.call_at(1.1, lambda: print("call_at 1.1 ran at", time.monotonic()))
    await asyncio.gather(a, b, c)
    print("gather done", time.monotonic())
    loop.call_soon(cpu, 0.25)
    loop.call_soon(lambda: print("after cpu callback", time.monotonic()))
    await asyncio.sleep(0)
    print("main after sleep0", time.monotonic())


asyncio.run(main())
