import asyncio

async def main():
    try:
        print(await asyncio.wait_for(asyncio.sleep(1, "finished"), float("nan")))
    except TimeoutError:
        print("TimeoutError at", asyncio.get_running_loop().time())

asyncio.run(main())
