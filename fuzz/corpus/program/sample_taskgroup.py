import asyncio
import time

def log(message):
    print(f"{time.monotonic():.1f}s  {message}")

async def fetch(source, seconds, broken=False):
    await asyncio.sleep(seconds)
    if broken:
        raise ValueError(f"{source} sent garbage")
    log(f"{source}: ok")
    return source

async def main():
    plan = [("weather", 1), ("news", 2, True), ("stocks", 3), ("sports", 4)]
    tasks = []
    try:
        async with asyncio.TaskGroup() as group:
            for args in plan:
                tasks.append(group.create_task(fetch(*args), name=args[0]))
        log("all fetched")
    except ExceptionGroup as eg:
        log(f"caught: {eg}")
        for error in eg.exceptions:
            log(f"  {type(error).__name__}: {error}")
    for task in tasks:
        if task.cancelled():
            log(f"{task.get_name():>8}: cancelled")
        else:
            log(f"{task.get_name():>8}: {task.exception() or task.result()!r}")

asyncio.run(main())
