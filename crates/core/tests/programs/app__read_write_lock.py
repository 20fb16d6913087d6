import asyncio

state = {"readers": 0, "writer": False}
cond = asyncio.Condition()
log = []


async def read(name, dur):
    async with cond:
        await cond.wait_for(lambda: not state["writer"])
        state["readers"] += 1
    log.append(f"{asyncio.get_running_loop().time():.1f} {name} reading ({state['readers']} readers)")
    await asyncio.sleep(dur)
    async with cond:
        state["readers"] -= 1
        cond.notify_all()


async def write(name, dur):
    async with cond:
        await cond.wait_for(lambda: not state["writer"] and state["readers"] == 0)
        state["writer"] = True
    log.append(f"{asyncio.get_running_loop().time():.1f} {name} WRITING")
    await asyncio.sleep(dur)
    async with cond:
        state["writer"] = False
        cond.notify_all()


async def later(delay, coro):
    await asyncio.sleep(delay)
    await coro


async def main():
    await asyncio.gather(
        read("r1", 0.5), read("r2", 0.3),
        later(0.1, write("w1", 0.4)),
        later(0.2, read("r3", 0.2)),
        later(0.6, write("w2", 0.1)),
        later(0.65, read("r4", 0.1)),
    )
    print("\n".join(log))
    print("final", state)


asyncio.run(main())
