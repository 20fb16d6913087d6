import asyncio


async def spinner(name):
    i = 0
    try:
        while True:
            i += 1
            print(name, "spin", i)
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        if name == "a":
            print(name, "cancelled at spin", i)
        raise


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(spinner("a"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    loop.call_soon(print, "leftover call_soon")
    asyncio.create_task(spinner("b"))
    print("main returns")


asyncio.run(main())
print("after run")
