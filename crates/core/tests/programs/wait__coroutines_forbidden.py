import asyncio


async def c():
    return 1


async def main():
    coro = c()
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError", e)
    await coro
    try:
        await asyncio.wait([asyncio.create_task(c())], return_when="BOGUS")
    except ValueError as e:
        print("ValueError", e)
    t = asyncio.create_task(c())
    done, pending = await asyncio.wait([t, t])
    print(len(done), len(pending))


asyncio.run(main())
