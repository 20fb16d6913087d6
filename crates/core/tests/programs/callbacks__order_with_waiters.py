import asyncio


async def target():
    await asyncio.sleep(0.5)
    return "T"


async def awaiter(t, name):
    r = await t
    print(name, "woke with", r)


async def main():
    t = asyncio.create_task(target())
    a = asyncio.create_task(awaiter(t, "A"))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: print("callback 1"))
    b = asyncio.create_task(awaiter(t, "B"))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: print("callback 2"))
    await asyncio.gather(a, b)
    print("end")


asyncio.run(main())
