# Made by loopscope-progen (cargo run -p loopscope-progen --example emit -- --no-threads 42): the scheduler fuzz generator's programs, checked against CPython.
import asyncio
import time

log = []

async def w0(n, lock, sem, q, ev):
    async with lock:
        await asyncio.sleep(0)
    await asyncio.sleep(0.1)
    if n % 3 == 2:
        raise ValueError(n)
    ev.set()
    return n

async def w1(n, lock, sem, q, ev):
    if not q.empty():
        log.append(q.get_nowait())
    await asyncio.sleep(0.1)
    return n

async def w2(n, lock, sem, q, ev):
    log.append(('w2', n))
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.1)
    if not q.empty():
        log.append(q.get_nowait())
    return n

async def w3(n, lock, sem, q, ev):
    async with sem:
        if not q.empty():
            log.append(q.get_nowait())
        await asyncio.sleep(0.1)
        await asyncio.sleep(1)
    await q.put(n)
    log.append(('w3', n))
    return n

async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    q = asyncio.Queue(maxsize=0)
    ev = asyncio.Event()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(w1(0, lock, sem, q, ev))
            tg.create_task(w2(1, lock, sem, q, ev))
            tg.create_task(w3(2, lock, sem, q, ev))
            tg.create_task(w3(3, lock, sem, q, ev))
    except ExceptionGroup as eg:
        print('group', [repr(e) for e in eg.exceptions])
    print(log)

asyncio.run(main())
