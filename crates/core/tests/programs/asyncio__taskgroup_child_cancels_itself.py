import asyncio

async def quitter():
    await asyncio.sleep(0.1)
    asyncio.current_task().cancel()
    await asyncio.sleep(0)
    print("unreachable")

async def worker():
    await asyncio.sleep(0.3)
    print("worker completes normally")
    return "w"

async def main():
    async with asyncio.TaskGroup() as tg:
        q = tg.create_task(quitter())
        w = tg.create_task(worker())
    print("group exited cleanly", q.cancelled(), w.result())

asyncio.run(main())
