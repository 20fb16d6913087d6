# Made by loopscope-progen (cargo run -p loopscope-progen --example emit -- --no-threads 11): the scheduler fuzz generator's programs, checked against CPython.
import asyncio
import time

log = []

async def w0(n, lock, sem, q, ev):
    await asyncio.sleep(0.1)
    return n

async def w1(n, lock, sem, q, ev):
    await asyncio.sleep(0.1)
    log.append(await w2(n + 1, lock, sem, q, ev))
    async with lock:
        try:
            log.append(await asyncio.wait_for(q.get(), 0.5))
        except TimeoutError:
            log.append('no item')
        log.append(('w1', n))
        await q.put(n)
    return n

async def w2(n, lock, sem, q, ev):
    await asyncio.sleep(1.5)
    await q.put(n)
    try:
        async with asyncio.timeout(1.5):
            await asyncio.sleep(0.1)
            await asyncio.sleep(1)
            log.append(('w2', n))
    except TimeoutError:
        log.append('w2 timed out')
    log.append(await asyncio.create_task(w4(n + 1, lock, sem, q, ev)))
    return n

async def w3(n, lock, sem, q, ev):
    async with lock:
        await asyncio.sleep(0.1)
        log.append(('w3', n))
    log.append(('w3', n))
    await asyncio.sleep(0.25)
    return n

async def w4(n, lock, sem, q, ev):
    async with lock:
        log.append(asyncio.current_task().get_name())
        log.append(len(asyncio.all_tasks()))
    async with lock:
        async with lock:
            await q.put(n)
            await asyncio.sleep(0.1)
    await asyncio.sleep(0.1)
    return n

async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    q = asyncio.Queue(maxsize=0)
    ev = asyncio.Event()
    try:
        print(await asyncio.wait_for(asyncio.gather(w0(0, lock, sem, q, ev), w0(1, lock, sem, q, ev), w3(2, lock, sem, q, ev)), 1))
    except (TimeoutError, ValueError) as e:
        print('main', repr(e))
    print(log)

asyncio.run(main())
