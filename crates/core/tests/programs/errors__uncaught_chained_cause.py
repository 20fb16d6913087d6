import asyncio


async def load(path):
    await asyncio.sleep(0.2)
    raise FileNotFoundError(f"no such file: {path}")


async def main():
    try:
        await load("settings.toml")
    except OSError as e:
        raise RuntimeError("could not start the app") from e


asyncio.run(main())
