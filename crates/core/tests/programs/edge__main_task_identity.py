import asyncio


async def child(main_task):
    me = asyncio.current_task()
    print("child is main?", me is main_task, me.get_name(), main_task.done())
    return me


async def main():
    me = asyncio.current_task()
    print("main name", me.get_name(), "done", me.done())
    t = asyncio.create_task(child(me), name="kid")
    got = await t
    print("same object", got is t, t.get_name(), t.result() is t)
    print("main in all_tasks:", me in asyncio.all_tasks(), "child in:", t in asyncio.all_tasks())
    print("count of live tasks:", len(asyncio.all_tasks()))


asyncio.run(main())
