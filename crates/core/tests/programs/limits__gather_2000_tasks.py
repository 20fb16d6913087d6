import asyncio

async def job(i):
    await asyncio.sleep((i % 7) * 0.01)
    await asyncio.sleep(0)
    return i * i

async def main():
    res = await asyncio.gather(*(job(i) for i in range(2000)))
    print(len(res), sum(res), res[:5], res[-3:])
    print("all tasks now", len(asyncio.all_tasks()))
    print("current", asyncio.current_task().get_name())

asyncio.run(main())
