import asyncio

breaker = {"threshold": 3, "reset_after": 1.0, "failures": 0, "state": "closed", "opened_at": 0.0}


async def guarded(fn, *args):
    b = breaker
    loop = asyncio.get_running_loop()
    if b["state"] == "open":
        if loop.time() - b["opened_at"] >= b["reset_after"]:
            b["state"] = "half-open"
            print(f"{loop.time():.1f} breaker half-open")
        else:
            raise RuntimeError("circuit open")
    try:
        result = await fn(*args)
    except ConnectionError:
        b["failures"] += 1
        if b["state"] == "half-open" or b["failures"] >= b["threshold"]:
            b["state"] = "open"
            b["opened_at"] = loop.time()
            print(f"{loop.time():.1f} breaker OPEN after {b['failures']} failures")
        raise
    else:
        if b["state"] == "half-open":
            print(f"{loop.time():.1f} breaker closed again")
        b["state"] = "closed"
        b["failures"] = 0
        return result


async def backend(i):
    await asyncio.sleep(0.1)
    if 3 <= i <= 7 or i == 11:
        raise ConnectionError(f"backend down (req {i})")
    return i * 10


async def main():
    tally = {"ok": 0, "error": 0, "rejected": 0}
    for i in range(16):
        try:
            value = await guarded(backend, i)
            tally["ok"] += 1
            print(f"req {i:2d} -> {value}")
        except RuntimeError:
            tally["rejected"] += 1
            print(f"req {i:2d} rejected fast")
        except ConnectionError as e:
            tally["error"] += 1
            print(f"req {i:2d} error: {e}")
        await asyncio.sleep(0.2)
    print(tally, f"state={breaker['state']}")


asyncio.run(main())
