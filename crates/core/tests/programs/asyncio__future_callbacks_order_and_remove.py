import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    log = []
    def cb(name):
        return lambda f: log.append((name, f.result()))
    a = cb("a")
    fut.add_done_callback(a)
    fut.add_done_callback(cb("b"))
    fut.add_done_callback(a)
    print("removed", fut.remove_done_callback(a))
    fut.add_done_callback(cb("c"))
    loop.call_soon(log.append, ("soon-before-set", None))
    fut.set_result(1)
    loop.call_soon(log.append, ("soon-after-set", None))
    await asyncio.sleep(0)
    print(log)
    fut.add_done_callback(cb("late"))
    print("late not yet", log[-1])
    await asyncio.sleep(0)
    print(log[-1], fut.done(), fut.cancelled())
    f2 = loop.create_future()
    f2.cancel()
    f2.add_done_callback(lambda f: print("cancelled callback", f.cancelled()))
    await asyncio.sleep(0)

asyncio.run(main())
