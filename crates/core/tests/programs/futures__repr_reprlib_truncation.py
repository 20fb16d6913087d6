import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for value in [list(range(10)), "x" * 50, {"k": list(range(8))}, (1, 2), 12345678901234567, None]:
        f = loop.create_future()
        f.set_result(value)
        print(repr(f))
    f = loop.create_future()
    print(repr(f))
    f.cancel()
    print(repr(f))
    f = loop.create_future()
    f.set_exception(ValueError("boom " * 10))
    print(repr(f))
    f.exception()


asyncio.run(main())
