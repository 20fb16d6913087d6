import asyncio


async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e), type(e).__name__)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(str(e)))
    print(q.get_nowait(), q.empty())
    u = asyncio.Queue()
    for i in range(100):
        u.put_nowait(i)
    print("unbounded", u.qsize(), u.full(), u.maxsize)
    z = asyncio.Queue(0)
    print(z.full())
    try:
        u.task_done()
        for _ in range(200):
            u.task_done()
    except ValueError as e:
        print("ValueError", e)


asyncio.run(main())
