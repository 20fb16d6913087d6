import asyncio

async def waiter(ev, n):
    print("waiter", n, "waiting")
    await ev.wait()
    print("waiter", n, "released")

async def main():
    ev = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            tg.create_task(waiter(ev, n))
        await asyncio.sleep(1)
        print("body done, event never set")
    print("unreachable")

asyncio.run(main())
