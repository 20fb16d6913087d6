import asyncio

log = []

async def fails():
    await asyncio.sleep(0.1)
    log.append("fails")
    raise ValueError("child")

async def works(x):
    await asyncio.sleep(0.2)
    log.append(x)
    return x

async def main():
    try:
        asyncio.gather(fails(), works(1), 42, works(2))
    except TypeError as e:
        print("TypeError:", e)
    print(len(asyncio.all_tasks()))
    await asyncio.sleep(0.5)
    print(log, len(asyncio.all_tasks()))
    r = await asyncio.gather(works(3), fails(), return_exceptions=True)
    print(r, log)

asyncio.run(main())
