import asyncio

async def main():
    print("progress:", end=" ")
    for i in range(4):
        await asyncio.sleep(0.25)
        print(i, end=" ")
    print("done", end="")

asyncio.run(main())
