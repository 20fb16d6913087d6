import asyncio

late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])

def make():
    fs = []
    for k in "abc":
        def g():
            return k
        fs.append(g)
    k = "z"
    return [g() for g in fs]

print(make())

async def main():
    loop = asyncio.get_running_loop()
    for i in range(3):
        loop.call_later(0.1 * (i + 1), lambda: print("late sees", i))
        loop.call_later(0.1 * (i + 1), lambda i=i: print("default sees", i))
    await asyncio.sleep(0.5)

asyncio.run(main())
