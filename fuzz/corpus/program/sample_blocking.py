import asyncio
import time

def log(message):
    print(f"{time.monotonic():.1f}s  {message}")

async def ticker():
    for _ in range(8):
        due = time.monotonic() + 0.5
        await asyncio.sleep(0.5)
        late = time.monotonic() - due
        log(f"tick  ({late:.1f}s late!)" if late > 0.01 else "tick")

async def handler():
    log("handler: await asyncio.sleep(2.2), the ticker keeps going")
    await asyncio.sleep(2.2)
    log("handler: time.sleep(2), the whole loop freezes")
    time.sleep(2)
    log("handler: done")

async def main():
    await asyncio.gather(
        asyncio.create_task(ticker(), name="ticker"),
        asyncio.create_task(handler(), name="handler"),
    )

asyncio.run(main())
