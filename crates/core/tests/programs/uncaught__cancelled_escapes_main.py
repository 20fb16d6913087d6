import asyncio

async def main():
    me = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.5, me.cancel)
    print("sleeping")
    await asyncio.sleep(5)

asyncio.run(main())
print("not reached")
