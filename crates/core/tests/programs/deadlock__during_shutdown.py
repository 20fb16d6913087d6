import asyncio

async def stubborn(ev):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("stubborn cancelled; waiting for an event forever")
        await ev.wait()
        print("unreachable")

async def main():
    ev = asyncio.Event()
    asyncio.create_task(stubborn(ev))
    await asyncio.sleep(1)
    print("main returns")

asyncio.run(main())
print("after run")
