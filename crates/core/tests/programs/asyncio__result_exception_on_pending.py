import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(1, result="r"))
    for name, meth in (("result", t.result), ("exception", t.exception)):
        try:
            meth()
        except asyncio.InvalidStateError as e:
            print(name, "InvalidStateError:", e)
    fut = asyncio.get_running_loop().create_future()
    for name, meth in (("result", fut.result), ("exception", fut.exception)):
        try:
            meth()
        except asyncio.InvalidStateError as e:
            print("future", name, "InvalidStateError:", e)
    fut.set_exception(ValueError("v"))
    print(repr(fut.exception()))
    try:
        fut.set_exception(StopIteration())
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f2 = asyncio.get_running_loop().create_future()
    try:
        f2.set_exception(StopIteration("s"))
    except TypeError as e:
        print("TypeError:", e)
    f3 = asyncio.get_running_loop().create_future()
    f3.set_exception(KeyError)
    print(repr(f3.exception()))
    print(await t)
    try:
        await fut
    except ValueError as e:
        print("awaited failed future:", e)

asyncio.run(main())
