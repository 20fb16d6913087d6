import asyncio

async def main():
    args = ["a", 1, 2.5, None, True]
    print(*args, sep="")
    print(*args, sep=", ", end=";\n")
    print()
    print(*[], sep="x")
    print("x", "y", sep=None, end=None)
    print(*"abc", sep="-")
    print(*range(3), *"de", sep="|")
    await asyncio.sleep(0.2)
    print("", end="")
    print("tail", end="")
    print()

asyncio.run(main())
