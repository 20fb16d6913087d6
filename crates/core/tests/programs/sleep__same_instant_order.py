import asyncio


async def w(name, d):
    await asyncio.sleep(d)
    print("woke", name)
    await asyncio.sleep(0)
    print("again", name)


async def main():
    tasks = []
    for name, d in [("x", 1), ("y", 0.5), ("z", 1), ("q", 0.5 + 0.5), ("r", 1.0000000001), ("s", 1.00000001)]:
        tasks.append(asyncio.create_task(w(name, d)))
    print("created")
    await asyncio.sleep(0)
    print("main after sleep0")
    for t in tasks:
        await t
    print("done")


asyncio.run(main())
