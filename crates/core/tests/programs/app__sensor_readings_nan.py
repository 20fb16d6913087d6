import asyncio
import random

random.seed(5)
NAN = float("nan")


async def sensor(name, n, dropout_every):
    readings = []
    for i in range(n):
        await asyncio.sleep(0.1)
        if dropout_every and i % dropout_every == dropout_every - 1:
            readings.append(NAN)
        else:
            readings.append(round(random.uniform(15, 25), 2))
    return name, readings


async def main():
    results = await asyncio.gather(sensor("kitchen", 6, 0), sensor("garage", 6, 3), sensor("attic", 4, 2))
    for name, rs in results:
        valid = [r for r in rs if r == r]
        missing = len(rs) - len(valid)
        print(f"{name:<8} raw={rs}")
        print(f"{'':<8} max={max(rs)} max(valid)={max(valid)} missing={missing} has NaN: {NAN in rs}")
        print(f"{'':<8} sorted={sorted(rs)}")
    table = {name: rs for name, rs in results}
    print("count of NaN in garage:", table["garage"].count(NAN))


asyncio.run(main())
