import asyncio
import time


async def ticker():
    loop = asyncio.get_running_loop()
    expected = 0.0
    lags = []
    for i in range(8):
        expected += 0.1
        await asyncio.sleep(0.1)
        lag = loop.time() - expected
        lags.append(lag)
        expected = loop.time()
        print(f"{loop.time():.3f} tick {i} lag {lag * 1000:.0f} ms")
    return max(lags)


async def render(frame):
    await asyncio.sleep(0.05)
    cpu(0.12 if frame % 2 else 0.03)
    return frame


async def main():
    t0 = time.perf_counter()
    tick = asyncio.create_task(ticker())
    frames = []
    for f in range(5):
        frames.append(await render(f))
    worst = await tick
    elapsed = time.perf_counter() - t0
    print(f"frames {frames}; worst lag {worst * 1000:.0f} ms; elapsed {elapsed:.3f}")


asyncio.run(main())
