# asyncio.run called from a function, at top level and inside a list
# comprehension: each hands its loop to the session that runs the program.
import asyncio

async def a(n):
    await asyncio.sleep(0.5)
    return n * 2

def go(n):
    return asyncio.run(a(n))

print(go(1))
print(asyncio.run(a(5)))
print([go(i) for i in range(3)])
try:
    asyncio.run(1)
except ValueError as e:
    print("ValueError", e)
