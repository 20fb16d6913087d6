import asyncio

async def main():
    await asyncio.sleep(1)
    print('crlf')

asyncio.run(main())
