import asyncio

counter = 0
names = []

def outer():
    def inner():
        global counter
        counter += 10
        names.append("inner")
    inner()
    return counter

async def bump(n):
    global counter
    for _ in range(n):
        v = counter
        await asyncio.sleep(0)
        counter = v + 1

async def main():
    print(outer(), counter)
    await asyncio.gather(bump(3), bump(3))
    print("lost updates:", counter, names)

asyncio.run(main())
print("final", counter)
