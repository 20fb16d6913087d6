import asyncio
import random

async def main():
    for s in [0, 1, -1, 12345, 2**40 + 7, "abc", "", "ünïcode", 3.5, True]:
        random.seed(s)
        print(repr(s), round(random.random(), 12), random.randint(1, 100), random.choice("abcdef"), round(random.uniform(-1, 1), 9))
    random.seed(7)
    xs = list(range(10))
    random.shuffle(xs)
    print(xs, random.choice(range(1000)), random.choice((1, 2, 3)), random.randint(-5, -5), random.uniform(2, 1) < 2)
    for bad in [lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.shuffle("abc")]:
        try:
            bad()
            print("no error")
        except (ValueError, IndexError, TypeError) as e:
            print(type(e).__name__ + ":", e)
    random.seed(99)
    delays = [random.uniform(0, 1) for _ in range(5)]
    async def w(i, d):
        await asyncio.sleep(d)
        return i
    order = []
    for f in asyncio.as_completed([w(i, d) for i, d in enumerate(delays)]):
        order.append(await f)
    print(order, round(asyncio.get_running_loop().time(), 9))

asyncio.run(main())
