import asyncio


async def main():
    box = []
    t = asyncio.create_task(asyncio.sleep(0.1, result=box))
    box.append(t)
    print((await t)[0] is t)


asyncio.run(main())
