import asyncio


async def listener(name, ev, log):
    rounds = 0
    while rounds < 3:
        await ev.wait()
        rounds += 1
        log.append((name, rounds, asyncio.get_running_loop().time()))
        await asyncio.sleep(0.05 if name != "lazy" else 0.3)
    return rounds


async def broadcaster(ev):
    for k in range(4):
        await asyncio.sleep(0.2)
        ev.set()
        print(f"{asyncio.get_running_loop().time():.2f} pulse {k}")
        await asyncio.sleep(0)
        ev.clear()


async def main():
    ev = asyncio.Event()
    log = []
    names = ["quick", "lazy", "normal"]
    res = await asyncio.gather(broadcaster(ev), *(listener(n, ev, log) for n in names))
    print("rounds", res[1:])
    for name in names:
        times = [f"{t:.2f}" for n, r, t in log if n == name]
        print(f"{name:<7} woke at {', '.join(times)}")


asyncio.run(main())
