import asyncio


async def waiter(cond, name):
    async with cond:
        print(name, "waits")
        await cond.wait()


async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond, "w"))
    await asyncio.sleep(1)
    print("main waits for t")
    await t


asyncio.run(main())
