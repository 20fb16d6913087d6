import asyncio


async def task(kind, delay):
    await asyncio.sleep(delay)
    if kind == "ok":
        return delay
    if kind == "value":
        raise ValueError(f"bad value at {delay}")
    if kind == "key":
        raise KeyError(kind)
    raise TypeError(f"wrong type at {delay}")


def walk(eg, depth=0):
    print("  " * depth + f"{type(eg).__name__}: {eg}")
    for e in eg.exceptions:
        if isinstance(e, ExceptionGroup):
            walk(e, depth + 1)
        else:
            print("  " * (depth + 1) + f"- {type(e).__name__}: {e}")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(task("ok", 0.1))
            tg.create_task(task("value", 0.2))
            tg.create_task(task("key", 0.2))
            tg.create_task(task("type", 0.2))
            tg.create_task(task("ok", 1.0))
    except ExceptionGroup as eg:
        walk(eg)
        values = [e for e in eg.exceptions if isinstance(e, ValueError)]
        print("value errors:", len(values), "| types:", sorted(type(e).__name__ for e in eg.exceptions))
    eg2 = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [KeyError("k"), ZeroDivisionError()])])
    walk(eg2)
    print(repr(eg2))
    print(len(eg2.exceptions), eg2.message)


asyncio.run(main())
