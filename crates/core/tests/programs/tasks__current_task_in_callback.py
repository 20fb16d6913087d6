import asyncio


def cb():
    print("in callback current_task is", asyncio.current_task())


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb)
    me = asyncio.current_task()
    print(me is asyncio.current_task(), me.get_name(), me.done())
    await asyncio.sleep(0)
    t = asyncio.create_task(asyncio.sleep(1))
    print(len(asyncio.all_tasks()), me in asyncio.all_tasks(), t in asyncio.all_tasks())
    await t
    print(len(asyncio.all_tasks()), t in asyncio.all_tasks())


asyncio.run(main())
