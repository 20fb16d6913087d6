import asyncio


async def finished():
    return 1


async def slow():
    try:
        await asyncio.sleep(3)
        print("slow finished")
    except asyncio.CancelledError:
        print("slow cancelled")
        raise


async def main():
    a = asyncio.create_task(finished())
    b = asyncio.create_task(slow())
    await asyncio.sleep(0)
    print(a.done(), b.done(), len(asyncio.all_tasks()))
    await asyncio.sleep(1)


asyncio.run(main())
print("second run")
asyncio.run(main())
