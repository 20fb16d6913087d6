import asyncio


async def download(name, chunks, delay):
    for i in range(chunks):
        await asyncio.sleep(delay)
        print(f"[{name}:{i + 1}/{chunks}]", end=" ")
    print(f"<{name} done>")
    return chunks


async def main():
    total = await asyncio.gather(download("A", 3, 0.2), download("B", 2, 0.25), download("C", 4, 0.1))
    print("chunks", total)
    print("no newline at the end", end="")


asyncio.run(main())
