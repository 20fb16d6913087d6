import asyncio


def make_counter(label):
    count = 0

    def tick(step):
        nonlocal count
        count += step
        print(f"{asyncio.get_running_loop().time():.2f} {label} +{step} = {count}")
        return count

    return tick


async def main():
    loop = asyncio.get_running_loop()
    a = make_counter("a")
    b = make_counter("b")
    handles = []
    for i in range(1, 4):
        handles.append(loop.call_later(0.1 * i, a, i))
        handles.append(loop.call_later(0.1 * i, b, 10 * i))
    loop.call_soon(a, 100)
    cancelled = handles[3]
    cancelled.cancel()
    print("cancelled handle:", cancelled.cancelled())
    done = loop.create_future()
    loop.call_later(0.25, lambda: done.set_result("fired"))
    print("future says", await done, f"at {loop.time():.2f}")
    fut2 = loop.create_future()
    loop.call_at(loop.time() + 0.5, fut2.set_result, [x * 2 for x in range(3)])
    print("call_at result", await fut2, f"at {loop.time():.2f}")


asyncio.run(main())
