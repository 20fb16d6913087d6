import asyncio


async def read_config(name):
    await asyncio.sleep(0.1)
    data = {"port": "80x", "host": "example", "retries": "3"}
    return data[name]


async def parse_port():
    raw = await read_config("port")
    try:
        return int(raw)
    except ValueError as e:
        raise RuntimeError("bad port setting") from e


async def get_timeout():
    try:
        return await read_config("timeout")
    except KeyError:
        raise LookupError("timeout not configured") from None


async def get_retries():
    try:
        return int(await read_config("retries"))
    finally:
        print("retries: finally runs")


async def main():
    for fn in (parse_port, get_timeout, get_retries):
        try:
            val = await fn()
            print(f"{fn.__name__}: {val}")
        except Exception as e:
            cause = e.__cause__
            print(f"{fn.__name__}: {type(e).__name__}: {e}")
            print(f"   cause={cause!r}")
    try:
        try:
            await parse_port()
        except RuntimeError:
            print("re-raising")
            raise
    except RuntimeError as again:
        print("caught again:", again, "| from", repr(again.__cause__))
    await parse_port()


asyncio.run(main())
