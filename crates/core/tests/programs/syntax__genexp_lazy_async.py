import asyncio
import time


async def main():
    stamps = (time.monotonic() for _ in range(3))
    for s in stamps:
        print("stamp", s)
        await asyncio.sleep(1)
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    drained = (q.get_nowait() for _ in range(2))
    print("qsize before consuming", q.qsize())
    print(list(drained), q.qsize())


asyncio.run(main())
