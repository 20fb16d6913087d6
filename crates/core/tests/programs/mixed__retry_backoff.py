import asyncio
import random

attempts = {}


async def flaky(name):
    attempts[name] = attempts.get(name, 0) + 1
    await asyncio.sleep(0.1)
    if random.random() < 0.6:
        raise ConnectionError(f"{name} attempt {attempts[name]} failed")
    return f"{name}:ok@{attempts[name]}"


async def with_retry(name, tries=4):
    delay = 0.1
    for i in range(tries):
        try:
            return await asyncio.wait_for(flaky(name), 0.5)
        except ConnectionError as e:
            print(f"{asyncio.get_running_loop().time():.2f}", e, f"-> retry in {delay:.1f}s")
            await asyncio.sleep(delay)
            delay *= 2
    raise RuntimeError(f"{name} gave up")


async def main():
    random.seed(3)
    res = await asyncio.gather(*(with_retry(f"svc{i}") for i in range(4)), return_exceptions=True)
    for r in res:
        print(type(r).__name__, r)
    print(sorted(attempts.items()))


asyncio.run(main())
