import asyncio

async def main():
    x = [1,
         2]
    s = """a
b"""
    print(len(s), repr(s), x)
    await asyncio.sleep(0.1)
    print("crlf ok"); print("semi")

if __name__ == "__main__":
    asyncio.run(main())
