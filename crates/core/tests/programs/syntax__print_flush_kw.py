import asyncio


async def main():
    for i in range(3):
        print(f"step {i}", flush=True)
        print("partial", end="", flush=True)
        await asyncio.sleep(0.5)
        print(" done", flush=False)
    print(sep="")
    print("a", "b", sep="", end="!\n")


asyncio.run(main())
