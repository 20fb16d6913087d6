import asyncio

async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inside:", repr(e), e.args, str(e))
        raise

async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0.1)
    t.cancel(msg="bye")
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside:", repr(e), e.args)
    t2 = asyncio.create_task(victim())
    await asyncio.sleep(0.1)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print("no msg:", repr(e), e.args)
    t3 = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t3.cancel("first")
    t3.cancel("second")
    try:
        await t3
    except asyncio.CancelledError as e:
        print("double:", repr(e))
    print(t.cancelled(), t2.cancelled(), t3.cancelled())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result():", repr(e))
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception():", repr(e))

asyncio.run(main())
