import asyncio

async def main():
    cond = asyncio.Condition()
    state = {"level": 0, "checks": []}

    async def watcher(name, threshold):
        async with cond:
            def pred():
                state["checks"].append(name)
                return state["level"] >= threshold
            r = await cond.wait_for(pred)
            print(name, "woke with level", state["level"], "pred", r, "at", asyncio.get_running_loop().time())
            state["level"] -= 1

    tasks = [asyncio.create_task(watcher(f"t{t}", t)) for t in (3, 1, 2)]
    for step in range(5):
        await asyncio.sleep(0.1)
        async with cond:
            state["level"] += 1
            print("level ->", state["level"])
            cond.notify(1 if step % 2 == 0 else 2)
    await asyncio.sleep(0.1)
    async with cond:
        state["level"] += 5
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("checks", state["checks"])
    print("final level", state["level"])

asyncio.run(main())
