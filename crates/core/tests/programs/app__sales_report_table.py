import asyncio

REGIONS = {"north": [120.5, 99.99, 310.0], "south": [45.25, 1020.0], "east": [], "west": [15.0, 15.0, 15.0, 2500.75]}


async def fetch_region(name):
    await asyncio.sleep(0.1 * (len(name) % 3 + 1))
    return name, REGIONS[name]


async def main():
    rows = await asyncio.gather(*(fetch_region(r) for r in REGIONS))
    stats = []
    for name, sales in rows:
        total = sum(sales)
        avg = total / len(sales) if sales else 0.0
        best = max(sales, default=None)
        stats.append({"region": name, "n": len(sales), "total": total, "avg": avg, "best": best})
    stats.sort(key=lambda s: s["total"], reverse=True)
    header = f"{'#':>2} {'region':<8}|{'n':^5}|{'total':>12}|{'avg':>10}|{'best':>9}"
    print(header)
    print("=" * len(header))
    for rank, s in enumerate(stats, start=1):
        best = "-" if s["best"] is None else f"{s['best']:.1f}"
        print(f"{rank:>2} {s['region'].title():<8}|{s['n']:^5}|{s['total']:>12,.2f}|{s['avg']:>10.3f}|{best:>9}")
    grand = sum(s["total"] for s in stats)
    print(f"{'':>2} {'TOTAL':<8}|{sum(s['n'] for s in stats):^5}|{grand:>12,.2f}|")
    shares = {s["region"]: s["total"] / grand for s in stats}
    print(" ".join(f"{k}={v:.1%}" for k, v in shares.items()))
    first, *middle, last = [s["region"] for s in stats]
    print("first", first, "middle", middle, "last", last)
    print(f"{grand=:.2f} {len(stats)=}")


asyncio.run(main())
