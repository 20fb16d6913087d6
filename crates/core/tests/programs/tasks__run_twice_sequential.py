import asyncio
import time


async def job(tag):
    await asyncio.sleep(1)
    t = asyncio.current_task()
    return f"{tag} in {t.get_name()} at {asyncio.get_running_loop().time():.1f}"


async def main(tag):
    a = asyncio.create_task(job(tag + "a"))
    b = await job(tag + "b")
    return [await a, b]


print(asyncio.run(main("first-")))
print("between runs", time.monotonic())
print(asyncio.run(main("second-")))
