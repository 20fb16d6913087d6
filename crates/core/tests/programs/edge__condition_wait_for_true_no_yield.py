import asyncio

order = []


async def other():
    order.append("other ran")


async def main():
    cond = asyncio.Condition()
    asyncio.create_task(other())
    async with cond:
        r = await cond.wait_for(lambda: "ready")
        order.append(f"wait_for returned {r!r} without waiting")
    ev = asyncio.Event()
    ev.set()
    await ev.wait()
    order.append("set event passed")
    sem = asyncio.Semaphore(1)
    async with sem:
        order.append("free semaphore passed")
    await asyncio.sleep(0)
    order.append("after sleep(0)")
    print(order)


asyncio.run(main())
