import asyncio

def noisy(t):
    print("callback for", t.get_name(), "raises")
    raise ArithmeticError("in callback")

async def child():
    await asyncio.sleep(0.1)
    return 1

async def main():
    c = asyncio.create_task(child(), name="child")
    c.add_done_callback(noisy)
    asyncio.get_running_loop().call_later(0.2, lambda: 1 / 0)
    await asyncio.sleep(0.3)
    print("main continues after both callback errors")
    raise OverflowError("main's own error")

asyncio.run(main())
