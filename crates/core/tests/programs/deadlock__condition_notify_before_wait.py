import asyncio

async def main():
    cond = asyncio.Condition()
    async def notifier():
        async with cond:
            cond.notify_all()
            print("notified with nobody waiting")
    await asyncio.create_task(notifier())
    async with cond:
        print("now waiting: the notification is gone")
        await cond.wait()

asyncio.run(main())
