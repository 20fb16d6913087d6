import asyncio


async def main():
    head = None
    for i in range(100000):
        head = {"value": i, "next": head}
    await asyncio.sleep(0.1)
    n = 0
    node = head
    while node is not None:
        n += 1
        node = node["next"]
    print("nodes", n, "head value", head["value"])


asyncio.run(main())
print("exit cleanly")
