# Made by loopscope-progen (cargo run -p loopscope-progen --example emit -- --no-threads 7): the scheduler fuzz generator's programs, checked against CPython.
import asyncio
import time

log = []

async def w0(n, lock, sem, q, ev):
    await asyncio.sleep(1)
    await asyncio.sleep(0.25)
    for k in range(2):
        try:
            async with asyncio.timeout(1.5):
                await asyncio.sleep(0.1)
                try:
                    log.append(await asyncio.wait_for(q.get(), 1))
                except TimeoutError:
                    log.append('no item')
        except TimeoutError:
            log.append('w0 timed out')
    async with lock:
        log.append(await asyncio.shield(w1(n + 1, lock, sem, q, ev)))
        ev.set()
        try:
            log.append(await asyncio.wait_for(q.get(), 0.5))
        except TimeoutError:
            log.append('no item')
    return n

async def w1(n, lock, sem, q, ev):
    await q.put(n)
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.1)
    for k in range(2):
        for k in range(1):
            ev.set()
            if n % 3 == 2:
                raise ValueError(n)
            await asyncio.sleep(0)
        await asyncio.sleep(0.1)
        try:
            await asyncio.sleep(0.5)
            await q.put(n)
            log.append(('w1', n))
        finally:
            log.append('w1 done')
    return n

async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    q = asyncio.Queue(maxsize=1)
    ev = asyncio.Event()
    print(await asyncio.gather(w1(0, lock, sem, q, ev), w0(1, lock, sem, q, ev), w1(2, lock, sem, q, ev), w1(3, lock, sem, q, ev), return_exceptions=True))
    print(log)

asyncio.run(main())
