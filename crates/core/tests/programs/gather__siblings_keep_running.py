import asyncio


async def slow(name, d):
    await asyncio.sleep(d)
    print(name, "finished")
    return name


async def fail(d):
    await asyncio.sleep(d)
    raise ValueError("early")


async def main():
    try:
        await asyncio.gather(slow("a", 1), fail(0.5), slow("b", 2))
    except ValueError as e:
        print("gather raised", e, asyncio.get_running_loop().time())
    await asyncio.sleep(3)
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())
