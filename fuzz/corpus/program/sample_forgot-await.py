import asyncio
import time

def log(message):
    print(f"{time.monotonic():.1f}s  {message}")

async def save(order):
    await asyncio.sleep(1)
    log(f"saved {order}")
    return True

async def main():
    log("calling save() without await...")
    save("order #1")
    await asyncio.sleep(2)
    log("...nothing was saved: the coroutine never ran")

    pending = save("order #2")
    log(f"save() only returned a {type(pending).__name__} object")
    ok = await pending
    log(f"awaited, it runs and returns {ok}")

    task = asyncio.create_task(save("order #3"), name="saver")
    log("create_task also runs it, in the background")
    await task

asyncio.run(main())
