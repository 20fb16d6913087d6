import asyncio


async def worker(name, d):
    try:
        await asyncio.sleep(d)
        print("finished", name)
    except asyncio.CancelledError:
        print("cancelled", name)
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("a", 1))
            await asyncio.sleep(0.1)
            raise KeyError("body")
    except ExceptionGroup as eg:
        print(type(eg).__name__, str(eg), [repr(e) for e in eg.exceptions])
    print("t", asyncio.get_running_loop().time())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("b", 0.3))
            raise RuntimeError("before await")
    except ExceptionGroup as eg:
        print(str(eg), repr(eg.exceptions[0]))
    print("end")


asyncio.run(main())
