# Found by differential testing (progen program 151): tasks are cancelled
# while wait_for(q.get(), 0.25) waits on its waiter, after the get task
# already took an item. CPython 3.11's wait_for then returns the item and
# swallows the cancellation, so the tasks carry on, and they wake in the order
# they were cancelled. (The generated program cancelled them in the order of
# asyncio.wait's pending set, which CPython iterates by address: not
# reproducible, so this one cancels from its own list, both ways round.)
import asyncio

log = []


async def worker(n, q):
    await q.put(n)
    for k in range(2):
        try:
            item = await asyncio.wait_for(q.get(), 0.25)
            log.append((n, item))
        except TimeoutError:
            log.append((n, "no item"))
    return n


async def round_(order):
    log.clear()
    q = asyncio.Queue()
    tasks = [asyncio.create_task(worker(i, q)) for i in range(3)]
    done, pending = await asyncio.wait(tasks, timeout=0)
    print(len(done), len(pending))
    for i in order:
        if tasks[i] in pending:
            print("cancel", i, tasks[i].cancel())
    print(await asyncio.gather(*tasks, return_exceptions=True))
    print(log, [t.cancelled() for t in tasks])


async def main():
    await round_([0, 1, 2])
    await round_([2, 0, 1])


asyncio.run(main())
