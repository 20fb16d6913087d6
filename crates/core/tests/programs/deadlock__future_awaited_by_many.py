import asyncio

async def waiter(fut, n):
    print("waiter", n, "starts")
    return await fut

async def main():
    fut = asyncio.get_running_loop().create_future()
    res = await asyncio.gather(*(waiter(fut, n) for n in range(3)))
    print(res)

asyncio.run(main())
