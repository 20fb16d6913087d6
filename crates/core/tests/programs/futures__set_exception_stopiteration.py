import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    try:
        fut.set_exception(StopIteration("s"))
    except TypeError as e:
        print("TypeError:", e)
    print(fut.done())
    fut.set_exception(ValueError)
    print(repr(fut.exception()))

asyncio.run(main())
