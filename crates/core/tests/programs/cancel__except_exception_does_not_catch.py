import asyncio


async def robust_loop():
    n = 0
    while True:
        try:
            n += 1
            await asyncio.sleep(0.3)
            if n % 2 == 0:
                raise ValueError(n)
        except Exception as e:
            print("handled", repr(e))
        finally:
            print("iteration", n, "finally")


async def main():
    t = asyncio.create_task(robust_loop())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("loop cancelled", t.cancelled())
    print(isinstance(asyncio.TimeoutError(), TimeoutError), asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
