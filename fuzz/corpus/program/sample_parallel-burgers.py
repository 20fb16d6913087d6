import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

def say(who, words):
    print(f"{time.monotonic():.1f}s  {who:>5}: {words}")

def cashier_cook(order):         # runs in a worker thread, start to finish
    time.sleep(0.5)              # takes the order and the money
    time.sleep(2)                # then cooks it: stands by the grill
    return order

async def customer(pool, name, order):
    loop = asyncio.get_running_loop()
    burgers = await loop.run_in_executor(pool, cashier_cook, order)
    say(name, f"got {burgers}, leaving the counter at last")

async def main():
    with ThreadPoolExecutor(8) as pool:    # 8 cashiers who are also cooks
        say("you", "8 people before us, 8 cashier-cooks, no numbers")
        line = [customer(pool, f"#{n}", "a burger") for n in range(1, 9)]
        line.append(customer(pool, "you", "2 fancy burgers"))
        await asyncio.gather(*line)
    say("you", "we stood at the counter the whole time, not one word")

asyncio.run(main())
