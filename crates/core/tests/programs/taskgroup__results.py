import asyncio


async def square(x):
    await asyncio.sleep(x / 10)
    return x * x


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(i), name=f"sq{i}") for i in range(5)]
        print("in body", [t.done() for t in tasks])
    print([t.result() for t in tasks], [t.get_name() for t in tasks])
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group ok")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(square(3))
        print("awaited inside", await t)
        t2 = tg.create_task(square(1))
    print(t2.result(), asyncio.get_running_loop().time())


asyncio.run(main())
