import asyncio


async def waiter(ev, name):
    print(name, "waiting")
    r = await ev.wait()
    print(name, "woke", r, ev.is_set())


async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n)) for n in ("a", "b")]
    await asyncio.sleep(0.5)
    ev.set()
    ev.clear()
    print("set+clear", ev.is_set())
    await asyncio.gather(*ts)
    ev.set()
    print("already set:", await ev.wait())
    ev.set()
    ev.clear()
    t = asyncio.create_task(waiter(ev, "c"))
    await asyncio.sleep(0.1)
    print("c done?", t.done())
    ev.set()
    await t
    print("end")


asyncio.run(main())
