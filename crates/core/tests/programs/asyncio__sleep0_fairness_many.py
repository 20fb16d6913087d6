import asyncio

order = []

async def spinner(name, n):
    for i in range(n):
        order.append(f"{name}{i}")
        await asyncio.sleep(0)

async def main():
    tasks = [asyncio.create_task(spinner(c, 3)) for c in "abcde"]
    order.append("main-before")
    await asyncio.sleep(0)
    order.append("main-after-1")
    await asyncio.sleep(0)
    order.append("main-after-2")
    await asyncio.gather(*tasks)
    print(" ".join(order))
    late = [asyncio.create_task(spinner(c, 2)) for c in "xyz"]
    order.clear()
    await asyncio.sleep(0)
    order.append("|")
    await asyncio.sleep(0)
    order.append("|")
    await asyncio.sleep(0)
    print(" ".join(order), all(t.done() for t in late))

asyncio.run(main())
