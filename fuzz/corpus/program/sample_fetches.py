import asyncio
import time

async def fetch(url):
    await asyncio.sleep(1)
    return f"<{url}>"

async def main():
    urls = ["api.one", "api.two", "api.three"]

    start = time.monotonic()
    for url in urls:
        page = await fetch(url)
        print(f"{time.monotonic():.1f}s  got {page}")
    print(f"one after another: {time.monotonic() - start:.1f}s")

    start = time.monotonic()
    pages = await asyncio.gather(*(fetch(url) for url in urls))
    print(f"{time.monotonic():.1f}s  got {pages}")
    print(f"all at once with gather: {time.monotonic() - start:.1f}s")

asyncio.run(main())
