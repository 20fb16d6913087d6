import asyncio


async def sleeper(name):
    try:
        await asyncio.sleep(1)
        print(name, "completed sleep")
    except asyncio.CancelledError:
        print(name, "cancelled although its sleep had finished")
        raise


async def canceller(victim_holder):
    await asyncio.sleep(1)
    print("canceller cancels", victim_holder[0].cancel())


async def main():
    holder = []
    c = asyncio.create_task(canceller(holder))
    v = asyncio.create_task(sleeper("victim"))
    holder.append(v)
    r = await asyncio.gather(c, v, return_exceptions=True)
    print([type(x).__name__ for x in r])
    holder2 = []
    v2 = asyncio.create_task(sleeper("early"))
    c2 = asyncio.create_task(canceller(holder2))
    holder2.append(v2)
    r = await asyncio.gather(c2, v2, return_exceptions=True)
    print([type(x).__name__ for x in r], v2.cancelled())


asyncio.run(main())
