# Made by loopscope-progen (cargo run -p loopscope-progen --example emit -- --no-threads 23): the scheduler fuzz generator's programs, checked against CPython.
import asyncio
import time

log = []

async def w0(n, lock, sem, q, ev):
    if n % 3 == 2:
        raise ValueError(n)
    log.append(await asyncio.shield(w1(n + 1, lock, sem, q, ev)))
    log.append(await asyncio.shield(w1(n + 1, lock, sem, q, ev)))
    return n

async def w1(n, lock, sem, q, ev):
    async with lock:
        await asyncio.sleep(0)
        await asyncio.sleep(1.5)
        log.append(('w1', n))
        try:
            async with asyncio.timeout(0.1):
                await q.put(n)
                await asyncio.sleep(0.1)
                await asyncio.sleep(0.1)
                await asyncio.sleep(0)
        except TimeoutError:
            log.append('w1 timed out')
    for k in range(1):
        await asyncio.sleep(0.1)
        await asyncio.sleep(0.1)
        async with lock:
            if not q.empty():
                log.append(q.get_nowait())
            await q.put(n)
            await q.put(n)
            log.append(('w1', n))
    return n

async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    q = asyncio.Queue(maxsize=0)
    ev = asyncio.Event()
    tasks = [asyncio.create_task(w1(0, lock, sem, q, ev), name='t0'), asyncio.create_task(w0(1, lock, sem, q, ev), name='t1')]
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print(len(done), len(pending))
    for t in tasks:
        if t in pending:
            t.cancel()
    print(await asyncio.gather(*tasks, return_exceptions=True))
    print(log)

asyncio.run(main())
