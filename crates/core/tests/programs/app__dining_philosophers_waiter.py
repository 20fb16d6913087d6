import asyncio

N = 4


async def philosopher(i, forks, waiter, log):
    for meal in range(3):
        await asyncio.sleep(0.05 * (i + 1))
        async with waiter:                 # at most N-1 at the table
            async with forks[i]:
                async with forks[(i + 1) % N]:
                    log.append(i)
                    await asyncio.sleep(0.1)
    return i


async def main():
    forks = [asyncio.Lock() for _ in range(N)]
    waiter = asyncio.Semaphore(N - 1)
    log = []
    done = await asyncio.gather(*(philosopher(i, forks, waiter, log) for i in range(N)))
    t = asyncio.get_running_loop().time()
    print("finished", done, f"at {t:.2f}")
    print("eating order", log)
    counts = {i: log.count(i) for i in range(N)}
    print("counts", counts, "all fed:", all(c == 3 for c in counts.values()))


asyncio.run(main())
