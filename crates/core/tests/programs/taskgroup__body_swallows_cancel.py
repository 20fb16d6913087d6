import asyncio


async def failing():
    await asyncio.sleep(0.2)
    raise ValueError("child failed")


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body cancelled at", loop.time(), "swallowing")
            await asyncio.sleep(0.3)
            print("body continues to", loop.time())
    except ExceptionGroup as eg:
        print("group:", eg.exceptions, loop.time())
    print("cancelling", asyncio.current_task().cancelling())


asyncio.run(main())
