import asyncio

async def main():
    t = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.4, t.cancel)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("handling cancel")
        cfg = {}
        print(cfg["retry"])

asyncio.run(main())
