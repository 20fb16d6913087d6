import asyncio

async def sibling():
    try:
        await asyncio.sleep(5)
    finally:
        print("sibling finally")

async def interrupter():
    await asyncio.sleep(0.2)
    raise KeyboardInterrupt("stop")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sibling())
        tg.create_task(interrupter())

asyncio.run(main())
