import asyncio


async def never():
    print("never runs")


async def main():
    t = asyncio.create_task(never())
    print(t.cancel(), t.done(), t.cancelled())
    await asyncio.sleep(0)
    print(t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result raises CancelledError")
    try:
        t.exception()
    except asyncio.CancelledError:
        print("exception raises CancelledError")
    t2 = asyncio.create_task(never())
    try:
        t2.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)


asyncio.run(main())
