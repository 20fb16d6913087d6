import asyncio


async def background():
    await asyncio.sleep(0.1)
    raise KeyError("lost")


async def main():
    t = asyncio.create_task(background())
    await asyncio.sleep(0.5)
    print("main done; task done:", t.done())


asyncio.run(main())
print("after run")
