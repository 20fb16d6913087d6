import asyncio


def plain():
    return 5


async def main():
    try:
        asyncio.create_task(plain())
    except TypeError as e:
        print("create_task:", e)
    try:
        await plain()
    except TypeError as e:
        print("await int:", e)
    try:
        await asyncio.gather(plain())
    except TypeError as e:
        print("gather:", e)
    try:
        await asyncio.wait_for(plain(), 1)
    except TypeError as e:
        print("wait_for:", e)
    try:
        await asyncio.sleep("1")
    except TypeError as e:
        print("sleep:", e)
    try:
        await None
    except TypeError as e:
        print("await None:", e)


asyncio.run(main())
