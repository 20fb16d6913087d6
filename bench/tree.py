# tree: a gather tree of fan-out 10 and depth 5 (111,111 tasks).
import asyncio


async def node(depth):
    if depth == 5:
        await asyncio.sleep(0.001)
        return 1
    counts = await asyncio.gather(*(node(depth + 1) for _ in range(10)))
    return 1 + sum(counts)


async def main():
    print("nodes", await node(0))


asyncio.run(main())
