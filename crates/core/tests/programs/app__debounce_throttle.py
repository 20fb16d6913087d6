import asyncio

fired = []


def debouncer(loop, wait, fn):
    state = {"handle": None, "calls": 0}

    def trigger(arg):
        state["calls"] += 1
        if state["handle"] is not None:
            state["handle"].cancel()
        state["handle"] = loop.call_later(wait, fn, arg)

    return trigger, state


def throttler(loop, interval, fn):
    state = {"last": None, "dropped": 0}

    def trigger(arg):
        now = loop.time()
        if state["last"] is None or now - state["last"] >= interval:
            state["last"] = now
            fn(arg)
        else:
            state["dropped"] += 1

    return trigger, state


def record(kind):
    def f(arg):
        t = asyncio.get_running_loop().time()
        fired.append((kind, arg, round(t, 2)))
    return f


async def main():
    loop = asyncio.get_running_loop()
    deb, dstate = debouncer(loop, 0.3, record("search"))
    thr, tstate = throttler(loop, 0.25, record("scroll"))
    keystrokes = [0.0, 0.1, 0.15, 0.2, 0.7, 0.8, 1.5]
    t = 0.0
    for i, at in enumerate(keystrokes):
        await asyncio.sleep(at - t)
        t = at
        deb("query" + "x" * i)
        thr(i)
    await asyncio.sleep(1)
    for kind, arg, when in fired:
        print(f"{when:>5.2f} {kind:<6} {arg}")
    print("debounce calls", dstate["calls"], "throttle dropped", tstate["dropped"])


asyncio.run(main())
