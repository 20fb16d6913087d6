import asyncio

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

async def adepth(n):
    if n == 0:
        await asyncio.sleep(0.1)
        return 0
    return 1 + await adepth(n - 1)

def ack_like(n, acc):
    if n == 0:
        return acc
    return ack_like(n - 1, acc + [n % 10])

async def main():
    print(depth(300))
    print(await adepth(300))
    print(sum(ack_like(250, [])))

asyncio.run(main())
