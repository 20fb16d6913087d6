import asyncio

async def save(name):
    print("saving", name)
    await asyncio.sleep(1)
    print("saved", name)
    return name.upper()

async def main():
    inner_result = []
    async def caller():
        try:
            r = await asyncio.shield(save("doc"))
            inner_result.append(r)
        except asyncio.CancelledError:
            print("caller cancelled at", asyncio.get_running_loop().time())
            raise
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.3)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("caller task cancelled:", t.cancelled())
    print("tasks alive:", sorted(x.get_name() for x in asyncio.all_tasks()))
    await asyncio.sleep(1)
    print("inner_result", inner_result)
    r = await asyncio.shield(save("direct"))
    print("direct", r)

asyncio.run(main())
