import asyncio
import time

def log(message):
    print(f"{time.monotonic():.1f}s  {message}")

async def download(what):
    try:
        log(f"{what}: downloading...")
        await asyncio.sleep(4)
        log(f"{what}: complete")
    except asyncio.CancelledError:
        log(f"{what}: cancelled!")
        raise
    finally:
        log(f"{what}: closing the connection")

async def main():
    try:
        await asyncio.wait_for(download("report"), timeout=1)
    except TimeoutError:
        log("main: wait_for gave up after 1 s")

    try:
        async with asyncio.timeout(1.5):
            await download("photos")
    except TimeoutError:
        log("main: the timeout block expired after 1.5 s")

    video = asyncio.create_task(download("video"), name="video")
    await asyncio.sleep(1)
    video.cancel()
    try:
        await video
    except asyncio.CancelledError:
        log(f"main: video.cancelled() is {video.cancelled()}")

asyncio.run(main())
