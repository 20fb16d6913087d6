import asyncio

committed = []


async def commit(batch):
    await asyncio.sleep(0.4)
    committed.append(batch)
    return len(batch)


async def writer():
    batch = []
    n = 0
    try:
        while True:
            await asyncio.sleep(0.15)
            n += 1
            batch.append(n)
            if len(batch) == 3:
                print(f"{asyncio.get_running_loop().time():.2f} committing {batch}")
                await asyncio.shield(commit(batch))
                batch = []
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} writer cancelled, batch={batch}")
        if batch:
            await commit(batch)
        raise


async def main():
    w = asyncio.create_task(writer())
    await asyncio.sleep(0.6)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} writer gone; committed so far {committed}")
    await asyncio.sleep(0.5)
    print(f"{asyncio.get_running_loop().time():.2f} eventually committed {committed}")


asyncio.run(main())
