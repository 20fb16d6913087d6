import asyncio

balance = {"alice": 100, "bob": 50}


async def transfer_unsafe(src, dst, amount, tag):
    current = balance[src]
    await asyncio.sleep(0.01)          # simulated database round trip
    if current < amount:
        print(f"{tag}: insufficient funds in {src} ({current})")
        return False
    balance[src] = current - amount
    await asyncio.sleep(0.01)
    balance[dst] = balance[dst] + amount
    print(f"{tag}: moved {amount} {src}->{dst}")
    return True


async def main():
    ops = [("alice", "bob", 30), ("alice", "bob", 50), ("bob", "alice", 20),
           ("alice", "bob", 40), ("bob", "alice", 70)]
    results = await asyncio.gather(*(transfer_unsafe(s, d, a, f"t{i}") for i, (s, d, a) in enumerate(ops)))
    total = sum(balance.values())
    print("results", results)
    print("balances", balance, "total", total)
    print("money created from nothing!" if total != 150 else "consistent")


asyncio.run(main())
