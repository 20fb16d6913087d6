import asyncio

ITEMS = [
    ("Äpfel", 3, 0.5),
    ("Bananen", 12, 0.25),
    ("茶", 1, 4.0),
    ("Café ☕", 2, 2.75),
    ("naïve crème", 0, 9.99),
]

async def price_lookup(name, qty, unit):
    await asyncio.sleep(len(name) * 0.01)
    if qty == 0:
        raise LookupError(f"{name} out of stock")
    return qty * unit

async def main():
    results = await asyncio.gather(*(price_lookup(*it) for it in ITEMS), return_exceptions=True)
    print(f"{'item':<12}|{'qty':>4}|{'total':>8}")
    print("-" * 12 + "+" + "-" * 4 + "+" + "-" * 8)
    grand = 0.0
    for (name, qty, unit), r in zip(ITEMS, results):
        if isinstance(r, Exception):
            print(f"{name:<12}|{qty:>4}|{'ERR':>8}  <- {type(r).__name__}: {r}")
            continue
        grand += r
        print(f"{name:<12}|{qty:>4}|{r:>8.2f}")
    print(f"{'TOTAL':<12}|{'':>4}|{grand:>8.2f}")
    print(f"{grand:=^30,.3f}")
    print("\t".join(n.upper() for n, _, _ in ITEMS))

asyncio.run(main())
