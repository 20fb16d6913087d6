import asyncio

async def producer(out):
    for i in range(4):
        await asyncio.sleep(0.2)
        await out.put(i)
        print(f"{asyncio.get_running_loop().time():.1f} produced {i}")

async def doubler(inp, out):
    while True:
        v = await inp.get()
        await out.put(v * 2)

async def sink(inp, expected):
    got = []
    while len(got) < expected:
        got.append(await inp.get())
        print("sink has", got)
    return got

async def main():
    a, b = asyncio.Queue(), asyncio.Queue()
    asyncio.create_task(producer(a), name="producer")
    asyncio.create_task(doubler(a, b), name="doubler")
    result = await asyncio.create_task(sink(b, 5), name="sink")
    print("result", result)

asyncio.run(main())
