import asyncio

def boom(x):
    if x == 2:
        raise StopIteration("inner")
    return x

async def step(it):
    await asyncio.sleep(0)
    try:
        return next(it)
    except StopIteration:
        return "caught inside"

async def main():
    try:
        print(list(boom(x) for x in range(3)))
    except RuntimeError as e:
        print("RuntimeError:", e, repr(e.__cause__))
    it = iter([1])
    print(await step(it), await step(it))
    t = asyncio.create_task(asyncio.sleep(0))
    await t
    async def bad():
        raise StopIteration
    task = asyncio.create_task(bad())
    try:
        await task
    except RuntimeError as e:
        print("task:", e, type(e.__cause__).__name__, task.done())
    print(next(iter([]), "default"))

asyncio.run(main())
