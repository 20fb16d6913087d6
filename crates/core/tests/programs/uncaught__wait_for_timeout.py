import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
    finally:
        print("slow cleaned up")

async def main():
    print("waiting")
    await asyncio.wait_for(slow(), timeout=1.25)

asyncio.run(main())
