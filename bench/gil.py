# gil: 32 threads each doing 0.5 s of CPU work (the playground's cpu())
# under the GIL: the threads take turns every 5 ms switch interval.
import asyncio


async def main():
    await asyncio.gather(*(asyncio.to_thread(cpu, 0.5) for _ in range(32)))
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
