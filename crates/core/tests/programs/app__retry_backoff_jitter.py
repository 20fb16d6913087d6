import asyncio
import random

random.seed(42)


def flaky(name, failures):
    state = {"name": name, "calls": 0}

    async def call():
        state["calls"] += 1
        await asyncio.sleep(0.05)
        if state["calls"] <= failures:
            raise ConnectionError(f"{name} attempt {state['calls']} failed")
        return f"{name}-ok"

    return state, call


async def retry(op, attempts=4, base=0.1, cap=1.0):
    for attempt in range(1, attempts + 1):
        try:
            return await op()
        except ConnectionError as e:
            if attempt == attempts:
                raise RuntimeError(f"giving up after {attempt} attempts") from e
            backoff = min(cap, base * 2 ** (attempt - 1))
            delay = random.uniform(0, backoff)
            print(f"  {e}; sleeping {delay:.3f}s")
            await asyncio.sleep(delay)


async def main():
    services = [flaky("auth", 1), flaky("db", 3), flaky("cache", 0), flaky("search", 5)]
    results = await asyncio.gather(*(retry(call) for _, call in services), return_exceptions=True)
    loop = asyncio.get_running_loop()
    print(f"finished at {loop.time():.3f}")
    for (state, _), r in zip(services, results):
        if isinstance(r, Exception):
            cause = r.__cause__
            print(f"{state['name']:>7}: FAILED {r} (cause: {type(cause).__name__}: {cause})")
        else:
            print(f"{state['name']:>7}: {r} after {state['calls']} calls")


asyncio.run(main())
