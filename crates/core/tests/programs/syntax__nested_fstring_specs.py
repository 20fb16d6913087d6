import asyncio

async def main():
    x = 3.14159265
    for w, p in [(8, 2), (10, 4), (6, 0)]:
        print(f"[{x:{w}.{p}f}]")
    fill, align = "*", "^"
    print(f"[{'mid':{fill}{align}11}]")
    n = 1234567
    print(f"{n:,}", f"{n:_}", f"{n:>{len(str(n)) + 3},}", f"{n:#x}", f"{n:#o}", f"{n:b}")
    name = "width"
    print(f"{name!r:>12}|{name!s:<8}|")
    print(f"{'nested ' + f'{x:.1f}'}")
    vals = {"a": 1.5, "b": -2.25}
    print(f"{vals['a']:+.3f} {vals['b']:+.3f} {vals['a']: .1f}")
    print(f"{x=:.2f}", f"{n = }")
    print(f"{{literal}} {x:.0%} {0.5:.1%} {1e6:e} {1e-5:g} {123456789.0:g}")
    await asyncio.sleep(0)
    pad = 5
    print(f"{'ab':{pad}}|{42:{pad}}|{42:0{pad}d}|{-42:0{pad}d}|{42:<0{pad}}")

asyncio.run(main())
