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
    finally:
        log.append(f"{name} cleanup")


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5) as cm:
            results = await asyncio.gather(fetch("a", 0.2), fetch("b", 0.4), fetch("c", 0.9))
            print("never", results)
    except TimeoutError:
        print(f"{loop.time():.2f} gather timed out, expired={cm.expired()}")
    print("log:", log)
    log.clear()
    try:
        results = await asyncio.wait_for(asyncio.gather(fetch("x", 0.1), fetch("y", 0.3)), timeout=0.3)
        print("wait_for results", results)
    except TimeoutError:
        print(f"{loop.time():.2f} wait_for timed out")
    print("log:", log)
    log.clear()
    results = await asyncio.wait_for(asyncio.gather(fetch("p", 0.1), fetch("q", 0.2)), timeout=1)
    print(f"{loop.time():.2f} ok:", results, log)


asyncio.run(main())
