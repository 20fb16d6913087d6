import asyncio
import time

def log(message):
    print(f"{time.monotonic():.1f}s  {message}")

async def cashier(orders, counter):
    for order in orders:
        await asyncio.sleep(0.3)
        if counter.full():
            log(f"cashier: counter full, holding {order}")
        await counter.put(order)
        log(f"cashier: {order} on the counter")

async def cook(name, counter):
    while True:
        order = await counter.get()
        log(f"{name}: cooking {order}")
        await asyncio.sleep(1.5)
        log(f"{name}: {order} served")
        counter.task_done()

async def main():
    counter = asyncio.Queue(maxsize=2)
    orders = ["burger", "fries", "salad", "shake", "wrap", "soup"]
    cooks = [asyncio.create_task(cook(f"cook-{i}", counter), name=f"cook-{i}")
             for i in (1, 2)]
    await asyncio.create_task(cashier(orders, counter), name="cashier")
    await counter.join()
    log("main: every order served, sending the cooks home")
    for c in cooks:
        c.cancel()

asyncio.run(main())
