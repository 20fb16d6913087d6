import asyncio

POOL_SIZE = 2


async def make_pool():
    q = asyncio.Queue()
    for i in range(POOL_SIZE):
        await asyncio.sleep(0.05)
        q.put_nowait({"id": i, "uses": 0})
    return q


async def run_query(pool, sql, cost):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    conn = await pool.get()
    waited = loop.time() - t0
    try:
        conn["uses"] += 1
        await asyncio.sleep(cost)
        if "DROP" in sql:
            raise PermissionError(f"refused: {sql}")
        return f"conn{conn['id']} ran {sql!r} (waited {waited:.2f})"
    finally:
        pool.put_nowait(conn)


async def main():
    pool = await make_pool()
    queries = [("SELECT 1", 0.2), ("SELECT 2", 0.1), ("DROP TABLE x", 0.05),
               ("UPDATE y", 0.3), ("SELECT 3", 0.1)]
    results = await asyncio.gather(*(run_query(pool, q, c) for q, c in queries), return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            print("ERR", type(r).__name__, r)
        else:
            print("OK ", r)
    conns = []
    while not pool.empty():
        conns.append(pool.get_nowait())
    print(sorted((c["id"], c["uses"]) for c in conns))
    print(f"end {asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
