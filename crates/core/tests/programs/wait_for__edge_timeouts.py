import asyncio
import time


async def job(d, v):
    await asyncio.sleep(d)
    return v


async def instant():
    return "instant"


async def main():
    for timeout in [0, -1, 0.5, 1, 1.5, None]:
        try:
            r = await asyncio.wait_for(job(1, "done"), timeout)
            print(timeout, "->", r, time.monotonic())
        except TimeoutError as e:
            print(timeout, "-> timeout", repr(e), time.monotonic())
    for timeout in [0, -1]:
        try:
            r = await asyncio.wait_for(instant(), timeout)
            print("instant", timeout, r)
        except TimeoutError:
            print("instant", timeout, "timeout")
    t = asyncio.create_task(job(0, "pre"))
    await asyncio.sleep(0.01)
    print("done task:", await asyncio.wait_for(t, 0))


asyncio.run(main())
