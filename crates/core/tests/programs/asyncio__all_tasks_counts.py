import asyncio

async def short(d):
    await asyncio.sleep(d)

def count(label):
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print(label, len(names), names)

async def main():
    count("start")
    ts = [asyncio.create_task(short(0.1 * i)) for i in range(1, 4)]
    count("after create")
    await asyncio.sleep(0)
    count("after one pass")
    await asyncio.sleep(0.15)
    count("after 0.15")
    g = asyncio.gather(short(0.1), short(0.2))
    count("after gather")
    await g
    count("after gather awaited")
    await asyncio.wait(ts)
    count("all waited")
    done_task = ts[0]
    print(done_task in asyncio.all_tasks(), done_task.done())

asyncio.run(main())
