import asyncio


async def step(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise PermissionError(f"{name}: access denied")
        return name
    finally:
        print(f"{asyncio.get_running_loop().time():.2f} {name} exits")


async def main():
    tasks = {
        asyncio.create_task(step("upload", 0.3), name="upload"),
        asyncio.create_task(step("auth", 0.2, fail=True), name="auth"),
        asyncio.create_task(step("resize", 0.1), name="resize"),
        asyncio.create_task(step("notify", 1.0), name="notify"),
    }
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        exc = t.exception()
        print(f"  {t.get_name()}: {'error ' + repr(exc) if exc else 'ok ' + t.result()}")
    for t in sorted(pending, key=lambda t: t.get_name()):
        t.cancel()
    done2, _ = await asyncio.wait(pending)
    print("after cancel:", sorted((t.get_name(), t.cancelled()) for t in done2))


asyncio.run(main())
