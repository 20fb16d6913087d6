import asyncio


async def main():
    print()
    print("a", "b", sep="")
    print("a", "b", sep=None)
    print("x", end=None)
    print("y", 1, 2.0, None, sep=" | ", end=" <\n")
    print(*[1, 2, 3], sep="\n")
    print("no newline", end="")
    await asyncio.sleep(0.5)
    print(" - continued at 0.5")
    print("multi\nline", "text", sep="\n", end="!\n")
    print(end="")
    print("", end="trailing")
    await asyncio.sleep(0.25)
    print()
    print("final", end="")


asyncio.run(main())
