import asyncio

async def main():
    asyncio.current_task().cancel()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('cancelled')
        raise

asyncio.run(main())
