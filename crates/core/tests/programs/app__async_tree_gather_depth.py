import asyncio

calls = {"n": 0}

async def node(depth, index):
    calls["n"] += 1
    if depth == 0:
        await asyncio.sleep(0.001 * (index % 5))
        return 1
    children = await asyncio.gather(*(node(depth - 1, index * 3 + k) for k in range(3)))
    return sum(children) + 1

async def main():
    total = await node(5, 0)
    loop = asyncio.get_running_loop()
    print("nodes", total, "calls", calls["n"], "time", round(loop.time(), 6))
    print("tasks left", len(asyncio.all_tasks()))
    last = asyncio.current_task().get_name()
    t = asyncio.create_task(asyncio.sleep(0))
    print("main", last, "next task", t.get_name())
    await t

asyncio.run(main())
