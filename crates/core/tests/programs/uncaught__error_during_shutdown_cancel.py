import asyncio

async def fragile():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("fragile cancelled, now failing")
        raise ValueError("cleanup failed")

async def main():
    asyncio.create_task(fragile())
    await asyncio.sleep(0.5)
    print("main returns")
    return "ok"

print(asyncio.run(main()))
print("program continues after shutdown error")
