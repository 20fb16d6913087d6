import asyncio


async def leaf(name, d):
    print("start", name)
    await asyncio.sleep(d)
    print("end", name)
    return name


async def branch(prefix, n):
    r = await asyncio.gather(*(leaf(f"{prefix}{i}", 0.1 * (n - i)) for i in range(n)))
    print("branch", prefix, r)
    return len(r)


async def main():
    r = await asyncio.gather(branch("a", 3), branch("b", 2), leaf("c", 0.15))
    print(r)


asyncio.run(main())
