import asyncio, time

def cpu(n):
    time.sleep(n)
    return n

async def main():
    print(await asyncio.gather(*(asyncio.to_thread(cpu, 0.1) for _ in range(8))))

asyncio.run(main())
