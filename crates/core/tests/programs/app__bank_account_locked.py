import asyncio

balance = {"alice": 100, "bob": 50, "carol": 0}
locks = {name: asyncio.Lock() for name in balance}
history = []


async def transfer(src, dst, amount, tag):
    first, second = sorted([src, dst])       # global lock order avoids deadlock
    async with locks[first]:
        async with locks[second]:
            current = balance[src]
            await asyncio.sleep(0.01)
            if current < amount:
                history.append((tag, "rejected"))
                return False
            balance[src] = current - amount
            await asyncio.sleep(0.01)
            balance[dst] += amount
            history.append((tag, "ok"))
            return True


async def main():
    ops = [("alice", "bob", 30), ("alice", "carol", 50), ("bob", "alice", 20),
           ("alice", "bob", 40), ("bob", "carol", 70), ("carol", "alice", 10)]
    tasks = [asyncio.create_task(transfer(s, d, a, f"t{i}")) for i, (s, d, a) in enumerate(ops)]
    await asyncio.gather(*tasks)
    loop = asyncio.get_running_loop()
    print(f"done at {loop.time():.2f}")
    for tag, status in history:
        print(f"  {tag:<3} {status}")
    print(f"{'name':<6}|{'balance':>8}")
    for name, amount in sorted(balance.items(), key=lambda kv: -kv[1]):
        print(f"{name:<6}|{amount:>8}")
    print("total", sum(balance.values()))


asyncio.run(main())
