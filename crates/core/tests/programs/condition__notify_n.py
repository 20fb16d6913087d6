import asyncio


async def consumer(cond, name, items):
    async with cond:
        while not items:
            print(name, "waits")
            await cond.wait()
        item = items.pop(0)
        print(name, "got", item)


async def main():
    cond = asyncio.Condition()
    items = []
    ts = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(4)]
    await asyncio.sleep(0.1)
    async with cond:
        items.extend(["x", "y"])
        cond.notify(2)
        print("notified 2")
    await asyncio.sleep(0.1)
    async with cond:
        items.extend(["z", "w", "v"])
        cond.notify_all()
        print("notified all")
    await asyncio.gather(*ts)
    print("left", items)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", e)


asyncio.run(main())
