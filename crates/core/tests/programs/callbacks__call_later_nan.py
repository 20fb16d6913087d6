import asyncio

async def main():
    asyncio.get_running_loop().call_later(float("nan"), print, "nan timer")
    await asyncio.sleep(0.5)
    print("end")

asyncio.run(main())
