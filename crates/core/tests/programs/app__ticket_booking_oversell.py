import asyncio

seats = {"left": 3}
sold = []


async def book_unsafe(customer, think):
    if seats["left"] > 0:
        await asyncio.sleep(think)          # payment processing
        seats["left"] -= 1
        sold.append(customer)
        return True
    return False


lock = asyncio.Lock()


async def book_safe(customer, think):
    async with lock:
        if seats["left"] > 0:
            await asyncio.sleep(think)
            seats["left"] -= 1
            sold.append(customer)
            return True
    return False


async def sale(fn, label):
    seats["left"] = 3
    sold.clear()
    customers = [("ann", 0.3), ("bo", 0.1), ("cid", 0.2), ("dot", 0.05), ("ed", 0.4)]
    t0 = asyncio.get_running_loop().time()
    ok = await asyncio.gather(*(fn(c, t) for c, t in customers))
    dt = asyncio.get_running_loop().time() - t0
    print(f"{label}: {sum(ok)} confirmations, seats left {seats['left']}, sold {sold} in {dt:.2f}s")
    winners = [c for (c, _), flag in zip(customers, ok) if flag]
    print(f"  winners {winners}; oversold: {seats['left'] < 0}")


async def main():
    await sale(book_unsafe, "unsafe")
    await sale(book_safe, "locked")


asyncio.run(main())
