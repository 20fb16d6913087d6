import asyncio


async def main():
    q = asyncio.Queue(maxsize=0)
    for i in range(5):
        q.put_nowait(i)
    print("unbounded:", q.qsize(), q.full(), q.maxsize)
    neg = asyncio.Queue(-3)
    neg.put_nowait("x")
    print("negative maxsize:", neg.full(), neg.maxsize)
    b = asyncio.Queue(1)
    b.put_nowait("a")
    try:
        b.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull", repr(asyncio.QueueFull()))
    print(b.get_nowait(), b.empty())
    try:
        b.task_done()
        b.task_done()
    except ValueError as e:
        print("task_done:", e)
    try:
        b.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    await b.join()
    print("join on drained queue returns at", asyncio.get_running_loop().time())


asyncio.run(main())
