import asyncio
import time

# Five requests arrive at once; each handler talks to a database
# that takes 0.2s to answer. Three ways to write the path operation.

async def async_blocking(n):     # async def + a blocking library
    time.sleep(0.2)              # the whole event loop stands still
    return f"user {n}"

def plain_def(n):                # def: FastAPI runs it in the thread pool
    time.sleep(0.2)              # blocks only its own worker thread
    return f"user {n}"

async def async_awaiting(n):     # async def + a library you can await
    await asyncio.sleep(0.2)     # the loop serves the others meanwhile
    return f"user {n}"

async def serve(label, handle):
    start = time.monotonic()
    await asyncio.gather(*(handle(n) for n in range(1, 6)))
    print(f"{label:<32} 5 requests in {time.monotonic() - start:.1f}s")

async def main():
    await serve("async def + time.sleep:", async_blocking)
    await serve("def, run in the thread pool:",
                lambda n: asyncio.to_thread(plain_def, n))
    await serve("async def + await:", async_awaiting)

asyncio.run(main())
