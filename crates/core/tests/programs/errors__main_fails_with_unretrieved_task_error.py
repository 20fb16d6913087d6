import asyncio


async def background(i):
    await asyncio.sleep(0.1 * i)
    raise ValueError(f"background {i} failed")


async def main():
    tasks = [asyncio.create_task(background(i)) for i in range(1, 3)]
    await asyncio.sleep(0.5)
    print("both failed:", all(t.done() for t in tasks))
    config = {"mode": "fast"}
    print("mode:", config["speed"])


asyncio.run(main())
