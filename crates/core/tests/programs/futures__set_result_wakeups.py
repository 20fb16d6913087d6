import asyncio


async def waiter(fut, name):
    print(name, "waiting")
    try:
        v = await fut
        print(name, "got", v)
    except Exception as e:
        print(name, "error", repr(e))


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    ts = [asyncio.create_task(waiter(f, n)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    print("done?", f.done())
    loop.call_later(0.5, f.set_result, "value")
    loop.call_soon(print, "call_soon before set")
    await asyncio.gather(*ts)
    try:
        f.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    g = loop.create_future()
    try:
        g.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    g.set_exception(ValueError("bad"))
    await waiter(g, "w3")
    h = loop.create_future()
    h.cancel()
    print(h.cancelled(), h.done())
    await waiter(h, "w4") if False else None
    try:
        await h
    except asyncio.CancelledError:
        print("awaited cancelled future")
    f2 = loop.create_future()
    f2.add_done_callback(lambda fut: print("cb sees", fut.result()))
    f2.set_result(7)
    print("set 7")
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
