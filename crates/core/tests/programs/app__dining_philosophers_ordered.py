import asyncio

N = 5
meals = [0] * N


async def philosopher(i, forks):
    a, b = i, (i + 1) % N
    low, high = min(a, b), max(a, b)      # resource ordering breaks the cycle
    for meal in range(2):
        await asyncio.sleep(0.1)
        async with forks[low]:
            await asyncio.sleep(0.1)
            async with forks[high]:
                meals[i] += 1
                t = asyncio.get_running_loop().time()
                print(f"{t:.1f} P{i} eats (forks {low},{high}) meal {meal}")
                await asyncio.sleep(0.2)


async def main():
    forks = [asyncio.Lock() for _ in range(N)]
    await asyncio.gather(*(philosopher(i, forks) for i in range(N)))
    t = asyncio.get_running_loop().time()
    print(f"all done at {t:.1f}, meals {meals}")


asyncio.run(main())
