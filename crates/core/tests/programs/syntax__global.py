import asyncio

counter = 0
log = []


def bump(n):
    global counter
    counter += n
    log.append(counter)


async def worker(n):
    global counter
    for _ in range(n):
        bump(1)
        await asyncio.sleep(0)
    counter = counter * 1


def shadow():
    counter = -1
    return counter


async def main():
    await asyncio.gather(worker(2), worker(3))
    print(counter, log, shadow(), counter)
    try:
        read_before()
    except UnboundLocalError as e:
        print("UnboundLocalError", type(e).__name__, isinstance(e, NameError))


def read_before():
    x = counter
    counter_local = x
    y = later
    later = 1
    return y


asyncio.run(main())
