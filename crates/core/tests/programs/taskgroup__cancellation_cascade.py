import asyncio


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} broke")
        print(f"{name} done")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time():.1f}")
        raise


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("inner-slow", 3))
        tg.create_task(job("inner-bad", 1, fail=True))
    print("unreachable")




async def main2():
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(job("outer-fast", 0.5))
            t2 = tg.create_task(inner_group())
    except ExceptionGroup as eg:
        print("outer group:", eg)
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)
            if isinstance(e, ExceptionGroup):
                for sub in e.exceptions:
                    print("   ", type(sub).__name__, repr(sub))
    print("t1 result", t1.result(), "t2 cancelled", t2.cancelled())


asyncio.run(main2())
