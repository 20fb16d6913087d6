import asyncio

async def leaf(n):
    await asyncio.sleep(0.1 * n)
    if n == 3:
        raise LookupError(f"leaf {n} missing")
    return n

async def middle(n):
    t = asyncio.create_task(leaf(n))
    r = await t
    print("middle got", r)
    return r * 10

async def main():
    results = []
    for n in range(1, 5):
        results.append(await asyncio.create_task(middle(n)))
        print("so far", results)

asyncio.run(main())
print("never")
