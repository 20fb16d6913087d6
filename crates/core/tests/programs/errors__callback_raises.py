import asyncio


def bad_cb():
    print("bad callback runs")
    raise RuntimeError("callback failure")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_cb)
    loop.call_soon(print, "next callback still runs")
    t = asyncio.create_task(asyncio.sleep(0.1))
    t.add_done_callback(lambda f: 1 / 0)
    await asyncio.sleep(0.5)
    print("main continues", loop.time())


asyncio.run(main())
