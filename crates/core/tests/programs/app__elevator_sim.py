import asyncio

FLOOR_TIME = 0.5
DOOR_TIME = 0.3


async def elevator(requests, log):
    floor = 0
    served = 0
    while True:
        target, who = await requests.get()
        if target is None:
            requests.task_done()
            return served, floor
        distance = abs(target - floor)
        direction = "up" if target > floor else "down" if target < floor else "stay"
        await asyncio.sleep(distance * FLOOR_TIME)
        floor = target
        await asyncio.sleep(DOOR_TIME)
        served += 1
        log.append(f"{asyncio.get_running_loop().time():5.2f} floor {floor:>2} ({direction:<4}) for {who}")
        requests.task_done()


async def passenger(requests, who, at, floor):
    await asyncio.sleep(at)
    await requests.put((floor, who))


async def main():
    requests = asyncio.Queue()
    log = []
    car = asyncio.create_task(elevator(requests, log))
    await asyncio.gather(
        passenger(requests, "ann", 0.0, 5),
        passenger(requests, "bob", 0.2, 2),
        passenger(requests, "cy", 1.0, 2),
        passenger(requests, "dee", 4.0, 0),
        passenger(requests, "eve", 4.1, 7),
    )
    await requests.join()
    await requests.put((None, "stop"))
    served, floor = await car
    print("\n".join(log))
    print(f"served {served}, parked at floor {floor}, t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
