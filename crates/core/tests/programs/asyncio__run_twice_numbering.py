import asyncio

async def child(tag):
    await asyncio.sleep(0.5)
    return f"{tag}:{asyncio.current_task().get_name()}"

async def main(tag):
    me = asyncio.current_task().get_name()
    kids = await asyncio.gather(child(tag), child(tag))
    print(tag, me, kids, asyncio.get_running_loop().time())
    return tag

print(asyncio.run(main("first")))
print(asyncio.run(main("second")))
r = asyncio.run(asyncio.sleep(0.25, result="plain sleep"))
print(r)
print(asyncio.run(main("third")))
