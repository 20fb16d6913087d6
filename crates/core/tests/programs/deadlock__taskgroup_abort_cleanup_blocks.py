import asyncio

async def stubborn(ev):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: cancelled, waiting for an event nobody sets")
        await ev.wait()

async def failing():
    await asyncio.sleep(0.2)
    raise ValueError("boom")

async def main():
    ev = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(stubborn(ev))
        tg.create_task(failing())

asyncio.run(main())
