import asyncio
import random
import time

def log(message):
    print(f"{time.monotonic():.1f}s  {message}")

async def crawl(page, gate, busy):
    async with gate:
        busy.append(page)
        log(f"fetching {page}   in flight: {busy}")
        await asyncio.sleep(round(random.uniform(0.5, 2.0), 1))
        busy.remove(page)
        log(f"done     {page}")

async def main():
    random.seed(42)
    gate = asyncio.Semaphore(3)
    busy = []
    pages = [f"/page{n}" for n in range(1, 9)]
    await asyncio.gather(*(crawl(page, gate, busy) for page in pages))
    log("crawled all 8 pages, never more than 3 at once")

asyncio.run(main())
