import asyncio

async def waiter(ev, n, log):
    rounds = 0
    while rounds < 3:
        await ev.wait()
        rounds += 1
        log.append(f"{n}:{rounds}@{asyncio.get_running_loop().time()}")
        await asyncio.sleep(0.05 * n)

async def main():
    ev = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(ev, n, log)) for n in range(4)]
    await asyncio.sleep(0.1)
    ev.set()
    ev.clear()
    print("pulse 1, is_set", ev.is_set())
    await asyncio.sleep(0.1)
    ev.set()
    await asyncio.sleep(0)
    ev.clear()
    print("pulse 2")
    await asyncio.sleep(0.3)
    ev.set()
    await asyncio.gather(*tasks)
    for entry in log:
        print(entry)
    print(ev.is_set(), await ev.wait())

asyncio.run(main())
