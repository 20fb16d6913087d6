import asyncio

async def main():
    cond = asyncio.Condition()
    state = {"n": 0}

    async def bumper():
        for i in range(3):
            await asyncio.sleep(0.1)
            async with cond:
                state["n"] += 1
                print("bump", state["n"])
                cond.notify_all()

    asyncio.create_task(bumper())
    async with cond:
        await cond.wait_for(lambda: state["n"] >= 5)
    print("unreachable")

asyncio.run(main())
