import asyncio

cache = {}
inflight = {}
backend_calls = []


async def load_from_db(key):
    backend_calls.append(key)
    await asyncio.sleep(0.3)
    if key == "ghost":
        raise KeyError(key)
    return f"value-of-{key}"


async def get(key, who):
    if key in cache:
        print(f"{who}: hit {key}")
        return cache[key]
    if key in inflight:
        print(f"{who}: joins in-flight load of {key}")
        return await inflight[key]
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    inflight[key] = fut
    print(f"{who}: miss {key}, loading")
    try:
        value = await load_from_db(key)
    except Exception as e:
        fut.set_exception(e)
        raise
    else:
        cache[key] = value
        fut.set_result(value)
        return value
    finally:
        del inflight[key]


async def client(who, keys, gap):
    out = []
    for k in keys:
        try:
            out.append(await get(k, who))
        except KeyError as e:
            out.append(f"missing {e}")
        await asyncio.sleep(gap)
    return out


async def main():
    res = await asyncio.gather(
        client("c1", ["a", "b", "ghost"], 0.1),
        client("c2", ["a", "ghost", "b"], 0.05),
        client("c3", ["b", "a"], 0.4),
    )
    for i, r in enumerate(res, 1):
        print(f"c{i}: {r}")
    print("backend calls:", backend_calls)
    print(f"t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
