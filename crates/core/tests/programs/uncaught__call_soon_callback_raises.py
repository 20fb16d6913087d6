import asyncio

def boom(x):
    print("boom called with", x)
    return {}[x]

def fine(x):
    print("fine", x)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(boom, "k")
    loop.call_soon(fine, 1)
    loop.call_later(0.2, boom, "later")
    loop.call_later(0.3, fine, 2)
    await asyncio.sleep(0.5)
    print("main done at", loop.time())

asyncio.run(main())
