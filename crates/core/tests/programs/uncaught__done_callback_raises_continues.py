import asyncio

def bad_cb(fut):
    print("callback sees", fut.result())
    raise RuntimeError("callback exploded")

def good_cb(fut):
    print("second callback still runs", fut.result())

async def work():
    await asyncio.sleep(0.5)
    return 42

async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(bad_cb)
    t.add_done_callback(good_cb)
    r = await t
    print("main got", r)
    await asyncio.sleep(0.1)
    print("main still alive")

asyncio.run(main())
print("program finished normally")
