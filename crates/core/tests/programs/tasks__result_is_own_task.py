import asyncio


async def child():
    return asyncio.current_task()


async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(1)
    print("done", t.done(), t.result() is t)


asyncio.run(main())
