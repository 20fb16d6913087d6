import asyncio

async def main():
    await asyncio.sleep(1.5)
    print("main finished")
    return [1, 2, 3]

res = asyncio.run(main())
print("result", res)
print("element", res[3])
