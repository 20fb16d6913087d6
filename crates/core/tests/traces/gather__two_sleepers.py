import asyncio


async def cook(item, seconds):
    await asyncio.sleep(seconds)
    return item


async def main():
    meal = await asyncio.gather(cook("burger", 2), cook("fries", 1))
    print(meal)


asyncio.run(main())
