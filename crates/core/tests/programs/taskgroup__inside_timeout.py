import asyncio

log = []


async def fetch(name, delay):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} ok")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    tasks = []
    try:
        async with asyncio.timeout(1.0):
            async with asyncio.TaskGroup() as tg:
                for name, d in [("a", 0.5), ("b", 1.5), ("c", 2.5)]:
                    tasks.append(tg.create_task(fetch(name, d)))
    except TimeoutError as e:
        print(f"{loop.time():.1f} TimeoutError {e!r}")
    except ExceptionGroup as eg:
        print("ExceptionGroup?", eg)
    print(sorted(log))
    print([t.cancelled() for t in tasks], tasks[0].result())
    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("x", 0.2))
            tg.create_task(asyncio.wait_for(fetch("y", 3), timeout=0.5))
            tg.create_task(fetch("z", 2))
    except ExceptionGroup as eg:
        print(f"{loop.time():.1f} group:", [type(e).__name__ for e in eg.exceptions])
    print(sorted(log))


asyncio.run(main())
