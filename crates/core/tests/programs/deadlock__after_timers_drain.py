import asyncio

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.5)
        print("tick", i)

async def main():
    t = asyncio.create_task(ticker())
    fut = asyncio.get_running_loop().create_future()
    t.add_done_callback(lambda _t: print("ticker done, future still pending"))
    await fut

asyncio.run(main())
