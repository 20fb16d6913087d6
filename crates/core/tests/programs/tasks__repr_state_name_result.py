# A task's repr: its state ("cancelling" once a cancellation is requested,
# until it is done), its name and, once finished, its result or exception.
# What CPython prints after the coroutine names this machine's files (the
# coroutine's file and line, the callbacks): cut off here.
import asyncio


async def fail():
    raise ValueError("no <burger>")


async def nap():
    await asyncio.sleep(5)


async def big():
    return {"burgers": [1, 2, 3, 4, 5, 6, 7, 8], "name": "x" * 40}


def head(t):
    r = repr(t)
    return r[: r.index(" coro=")]


def after_coro(t):
    r = repr(t)
    return r[r.rindex(">", 0, len(r) - 1) + 1 :]


async def main():
    a = asyncio.create_task(nap(), name="a")
    b = asyncio.create_task(fail(), name="b")
    c = asyncio.create_task(nap(), name="c")
    d = asyncio.create_task(big(), name="d")
    print(head(a), head(b), head(c))
    c.cancel()
    print(head(c))
    await asyncio.sleep(0)
    a.cancel()
    print(head(a), head(b))
    await asyncio.sleep(0)
    print(head(a), head(c), head(d))
    r = repr(b)
    print(r[r.index(" exception=") :])
    print(after_coro(d))
    print(b.exception())
    e = asyncio.create_task(nap(), name="e")
    await asyncio.sleep(0)
    e.cancel()
    e.cancel()
    print(head(e), e.cancelling())
    print(e.uncancel(), head(e))
    print(e.uncancel(), head(e))
    try:
        await e
    except asyncio.CancelledError:
        print("e cancelled", head(e))


asyncio.run(main())
