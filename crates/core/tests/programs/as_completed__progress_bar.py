import asyncio

SIZES = {"a.iso": 7, "b.zip": 3, "c.tar": 5, "d.img": 9, "e.txt": 1}


async def download(name, size):
    await asyncio.sleep(size * 0.1)
    return name, size * 100


async def main():
    tasks = [asyncio.create_task(download(n, s)) for n, s in SIZES.items()]
    total = len(tasks)
    got = 0
    nbytes = 0
    for fut in asyncio.as_completed(tasks):
        name, size = await fut
        got += 1
        nbytes += size
        width = 20
        filled = got * width // total
        bar = "#" * filled + "." * (width - filled)
        pct = got / total
        print(f"[{bar}] {pct:6.1%} {name:<6} {size:>5} B  total {nbytes:,} B")
    print("fastest-first done at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
