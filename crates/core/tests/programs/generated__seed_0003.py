# Made by loopscope-progen (cargo run -p loopscope-progen --example emit -- --no-threads 3): the scheduler fuzz generator's programs, checked against CPython.
import asyncio
import time

log = []

async def w0(n, lock, sem, q, ev):
    for k in range(2):
        async with lock:
            await asyncio.sleep(0.25)
            try:
                log.append(await asyncio.wait_for(q.get(), 0.1))
            except TimeoutError:
                log.append('no item')
            await asyncio.sleep(0)
        async with lock:
            await asyncio.sleep(0.5)
            await asyncio.sleep(0.1)
            try:
                log.append(await asyncio.wait_for(q.get(), 0.5))
            except TimeoutError:
                log.append('no item')
            await asyncio.sleep(0.1)
        try:
            log.append(('w0', n))
            await asyncio.sleep(0)
        finally:
            log.append('w0 done')
        try:
            log.append(await w1(n + 1, lock, sem, q, ev))
        except ValueError as e:
            log.append(repr(e))
    async with lock:
        try:
            ev.set()
            await asyncio.sleep(1.5)
            await asyncio.sleep(0)
        except ValueError as e:
            log.append(repr(e))
    log.append(await asyncio.shield(w3(n + 1, lock, sem, q, ev)))
    return n

async def w1(n, lock, sem, q, ev):
    try:
        if n % 3 == 2:
            raise ValueError(n)
        log.append(('w1', n))
    finally:
        log.append('w1 done')
    async with lock:
        await q.put(n)
        if not q.empty():
            log.append(q.get_nowait())
    await q.put(n)
    await asyncio.sleep(0.25)
    return n

async def w2(n, lock, sem, q, ev):
    try:
        log.append(await asyncio.wait_for(q.get(), 0.5))
    except TimeoutError:
        log.append('no item')
    return n

async def w3(n, lock, sem, q, ev):
    async with sem:
        await q.put(n)
        await q.put(n)
        await asyncio.sleep(0.1)
        await asyncio.sleep(0.1)
    try:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        async with lock:
            await asyncio.sleep(0.1)
            await asyncio.sleep(1.5)
        log.append(len(asyncio.all_tasks()))
    except asyncio.CancelledError:
        log.append('w3 cancelled')
        raise
    return n

async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(3)
    q = asyncio.Queue(maxsize=2)
    ev = asyncio.Event()
    print(await asyncio.gather(w2(0, lock, sem, q, ev), w0(1, lock, sem, q, ev), return_exceptions=True))
    print(log)

asyncio.run(main())
