import asyncio

stop = asyncio.Event()
flushed = []


async def service(name, period):
    buffer = []
    n = 0
    try:
        while True:
            await asyncio.sleep(period)
            n += 1
            buffer.append(n)
            if len(buffer) == 3:
                flushed.append((name, tuple(buffer)))
                buffer.clear()
    except asyncio.CancelledError:
        print(f"{name}: cancelled with {len(buffer)} unflushed")
        raise
    finally:
        if buffer:
            flushed.append((name, tuple(buffer)))
        print(f"{name}: closed after {n} ticks")


async def supervisor():
    await asyncio.sleep(1.05)
    print("supervisor: requesting shutdown")
    stop.set()


async def main():
    tasks = [asyncio.create_task(service(n, p), name=n) for n, p in [("db", 0.2), ("cache", 0.15), ("mail", 0.4)]]
    asyncio.create_task(supervisor())
    await stop.wait()
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("results:", [type(r).__name__ for r in results])
    for name, batch in flushed:
        print(f"  flushed {name:<5} {batch}")
    print(f"shutdown complete at {asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
