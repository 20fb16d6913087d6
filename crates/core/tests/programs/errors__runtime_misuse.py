import asyncio


async def coro():
    await asyncio.sleep(0)
    return 1


async def main():
    c = coro()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError", e)
    inner = coro()
    try:
        asyncio.run(inner)
    except RuntimeError as e:
        print("RuntimeError", e)
    await inner
    try:
        await asyncio.gather(1)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
print(asyncio.run(coro()))
