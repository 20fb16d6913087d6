import asyncio
import time

def log(message):
    print(f"{time.monotonic():.1f}s  {message}")

async def brew(drink, seconds):
    log(f"{drink}: start")
    await asyncio.sleep(seconds)
    log(f"{drink}: ready")
    return drink

async def main():
    tea = asyncio.create_task(brew("tea", 3.5), name="tea")
    log("main: tea is brewing in the background, main carries on")
    await asyncio.sleep(1)
    log("main: one second of other work done")

    drinks = await asyncio.gather(brew("coffee", 2), brew("juice", 1))
    log(f"main: gather waited for both: {drinks}")

    log(f"main: and the tea? {await tea}")

asyncio.run(main())
