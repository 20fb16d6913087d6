import asyncio

async def main():
    for pct in (0, 50, 100):
        print(f"\rprogress {pct:3d}%", end="")
        await asyncio.sleep(0.1)
    print()
    print("a\rb")
    print("one\ntwo\n\nthree", end="")
    await asyncio.sleep(0.2)
    print(" (continued)\n", end="")
    print("nul:\x00:end", "vt:\x0b:ff:\x0c:", sep="|")
    print("trailing\n", end="")
    await asyncio.sleep(0.1)
    print("\n", end="")
    print("x" * 20000)
    print("last without newline", end="")

asyncio.run(main())
