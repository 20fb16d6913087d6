import asyncio


async def cleanup_job():
    try:
        await asyncio.sleep(1)
    finally:
        print("finally starts")
        try:
            await asyncio.sleep(1)
            print("finally sleep completed")
        except asyncio.CancelledError:
            print("cancelled again inside finally")
        print("finally ends")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(cleanup_job())
    await asyncio.sleep(0.5)
    t.cancel()
    await asyncio.sleep(0.5)
    print("second cancel", t.cancel(), loop.time())
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled", t.cancelled(), loop.time())
    else:
        print("t finished normally", t.cancelled(), loop.time())


asyncio.run(main())
