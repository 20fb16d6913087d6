import asyncio

LATENCIES = {"eu": [1.2, 0.3], "us": [0.2], "ap": [2.0, 2.0, 2.0]}
attempts = {}


async def ping(region):
    n = attempts.get(region, 0)
    attempts[region] = n + 1
    lat = LATENCIES[region][min(n, len(LATENCIES[region]) - 1)]
    await asyncio.sleep(lat)
    return f"{region}:{lat}"


async def with_retries(region, per_try, tries):
    loop = asyncio.get_running_loop()
    for k in range(tries):
        try:
            return await asyncio.wait_for(ping(region), timeout=per_try)
        except TimeoutError:
            print(f"{loop.time():.2f} {region} try {k + 1} timed out")
    raise TimeoutError(f"{region} unreachable after {tries} tries")


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(with_retries(r, 0.5, 3) for r in LATENCIES), return_exceptions=True)
    for region, r in zip(LATENCIES, results):
        print(f"{region}: {r!r}")
    print(f"attempts {attempts} at {loop.time():.2f}")
    try:
        async with asyncio.timeout(0.4):
            await with_retries("ap", 0.3, 5)
    except TimeoutError as e:
        print(f"{loop.time():.2f} overall deadline hit: {e!r}")


asyncio.run(main())
