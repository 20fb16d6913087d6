import asyncio

async def bad(i):
    raise ValueError(i)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(bad(i))
    except* ValueError as eg:
        print(len(eg.exceptions))

asyncio.run(main())
