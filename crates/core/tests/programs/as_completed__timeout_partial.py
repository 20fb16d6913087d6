import asyncio


async def query(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise ConnectionResetError("reset by peer")
    return f"{name}:{delay}"


async def main():
    specs = [("fast", 0.1), ("flaky", 0.2), ("medium", 0.5), ("slow", 2.0), ("glacial", 5.0)]
    tasks = [asyncio.create_task(query(n, d)) for n, d in specs]
    ok, bad = [], []
    try:
        for fut in asyncio.as_completed(tasks, timeout=1.0):
            try:
                ok.append(await fut)
            except ConnectionError as e:
                bad.append(f"{type(e).__name__}: {e}")
    except TimeoutError:
        print(f"timed out at {asyncio.get_running_loop().time():.1f}")
    print("ok", ok)
    print("bad", bad)
    still = [t for t in tasks if not t.done()]
    print("still running:", len(still))
    for t in still:
        t.cancel()
    res = await asyncio.gather(*still, return_exceptions=True)
    print([type(r).__name__ for r in res])


asyncio.run(main())
