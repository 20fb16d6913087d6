# Made by loopscope-progen (cargo run -p loopscope-progen --example emit -- --no-threads 19): the scheduler fuzz generator's programs, checked against CPython.
import asyncio
import time

log = []

async def w0(n, lock, sem, q, ev):
    ev.set()
    if not q.empty():
        log.append(q.get_nowait())
    log.append(('w0', n))
    return n

async def w1(n, lock, sem, q, ev):
    try:
        if not q.empty():
            log.append(q.get_nowait())
        try:
            async with asyncio.timeout(0.25):
                log.append(('w1', n))
                await asyncio.sleep(1)
                await asyncio.sleep(0)
        except TimeoutError:
            log.append('w1 timed out')
        try:
            await q.put(n)
            await asyncio.sleep(0.5)
            if n % 3 == 2:
                raise ValueError(n)
        finally:
            log.append('w1 done')
    finally:
        log.append('w1 done')
    async with sem:
        try:
            await asyncio.sleep(0.1)
            if n % 3 == 2:
                raise ValueError(n)
            await asyncio.sleep(0.1)
            await asyncio.sleep(0)
        except ValueError as e:
            log.append(repr(e))
        await asyncio.sleep(0)
        try:
            await asyncio.sleep(0.1)
            try:
                log.append(await asyncio.wait_for(q.get(), 1.5))
            except TimeoutError:
                log.append('no item')
            await asyncio.sleep(0.1)
            await asyncio.sleep(0.1)
        except asyncio.CancelledError:
            log.append('w1 cancelled')
            raise
    return n

async def w2(n, lock, sem, q, ev):
    log.append(await asyncio.shield(w3(n + 1, lock, sem, q, ev)))
    await asyncio.sleep(0)
    await asyncio.sleep(1.5)
    for k in range(3):
        if n % 3 == 2:
            raise ValueError(n)
        try:
            log.append(await w3(n + 1, lock, sem, q, ev))
            if n % 3 == 2:
                raise ValueError(n)
            if n % 3 == 2:
                raise ValueError(n)
        except asyncio.CancelledError:
            log.append('w2 cancelled')
            raise
        log.append(await asyncio.shield(w3(n + 1, lock, sem, q, ev)))
        async with lock:
            await asyncio.sleep(1)
            await asyncio.sleep(0.1)
            await asyncio.sleep(0.25)
    return n

async def w3(n, lock, sem, q, ev):
    for k in range(2):
        await asyncio.sleep(0)
        await asyncio.sleep(0.1)
        log.append(len(asyncio.all_tasks()))
        await asyncio.sleep(0.5)
    return n

async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    q = asyncio.Queue(maxsize=0)
    ev = asyncio.Event()
    tasks = [asyncio.create_task(w3(0, lock, sem, q, ev), name='t0'), asyncio.create_task(w2(1, lock, sem, q, ev), name='t1')]
    for t in tasks:
        try:
            print(await t)
        except (ValueError, asyncio.CancelledError) as e:
            print('task', repr(e))
    print(log)

asyncio.run(main())
