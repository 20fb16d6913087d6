# Awaiting asyncio's own coroutine methods straight after the call
# (queue.get/put, lock.acquire, event.wait, semaphore.acquire): the engine
# makes these without a coroutine object. Results, order and bad calls.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "size", q.qsize())
    await q.put(None)


async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            print("consumer done")
            return
        print("got", item)
        await asyncio.sleep(0.01)


async def locker(name, lock, ev):
    await ev.wait()
    got = await lock.acquire()
    print(name, "acquired", got, asyncio.get_running_loop().time())
    await asyncio.sleep(0.1)
    lock.release()


async def limited(name, sem):
    ok = await sem.acquire()
    print(name, "in", ok)
    await asyncio.sleep(0.05)
    sem.release()
    print(name, "out")


async def main():
    q = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(q, 3), consumer(q))
    lock = asyncio.Lock()
    ev = asyncio.Event()
    ts = [asyncio.create_task(locker(f"L{i}", lock, ev)) for i in range(3)]
    await asyncio.sleep(0.5)
    ev.set()
    await asyncio.gather(*ts)
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(f"S{i}", sem) for i in range(4)))
    try:
        await q.put()
    except TypeError as e:
        print("put without item:", e)
    try:
        await q.put(1, 2, 3)
    except TypeError as e:
        print("put with three:", e)
    w = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("get cancelled, size", q.qsize())
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())
