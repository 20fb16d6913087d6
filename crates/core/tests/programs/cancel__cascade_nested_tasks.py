import asyncio


async def leaf(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    finally:
        print(f"{name} finally")


async def middle(name):
    child = asyncio.create_task(leaf(f"{name}.leaf", 5), name=f"{name}.leaf")
    try:
        return await child
    except asyncio.CancelledError:
        print(f"{name} cancelled; child done={child.done()} cancelled={child.cancelled()}")
        raise


async def top():
    a = asyncio.create_task(middle("m1"))
    b = asyncio.create_task(middle("m2"))
    await asyncio.sleep(0)
    try:
        await asyncio.gather(a, b)
    finally:
        print(f"top finally a.cancelled={a.cancelled()} b.cancelled={b.cancelled()}")


async def main():
    t = asyncio.create_task(top(), name="top")
    await asyncio.sleep(1)
    print("cancelling top:", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("top is cancelled:", t.cancelled())
    print(f"t={asyncio.get_running_loop().time()}")


asyncio.run(main())
