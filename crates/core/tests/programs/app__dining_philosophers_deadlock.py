import asyncio

N = 5


async def philosopher(i, forks):
    left = forks[i]
    right = forks[(i + 1) % N]
    for meal in range(2):
        print(f"P{i} thinking")
        await asyncio.sleep(0.1)
        async with left:
            print(f"P{i} took left fork {i}")
            await asyncio.sleep(0.1)
            async with right:
                print(f"P{i} took right fork {(i + 1) % N}, eating meal {meal}")
                await asyncio.sleep(0.2)
    print(f"P{i} finished")


async def main():
    forks = [asyncio.Lock() for _ in range(N)]
    await asyncio.gather(*(philosopher(i, forks) for i in range(N)))
    print("everyone ate")


asyncio.run(main())
