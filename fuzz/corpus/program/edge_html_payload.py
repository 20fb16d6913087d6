import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(1), name='<img src=x onerror=alert(1)>')
    print('<script>alert(1)</script>')
    await t
    raise ValueError('<b>bold</b>')

asyncio.run(main())
