import asyncio

async def main():
    for s in ["١٢٣", "٣.٥", "²"]:
        try:
            print(repr(s), int(s) if "." not in s else float(s))
        except ValueError as e:
            print("ValueError:", e)
    try:
        chr(0x110000)
    except ValueError as e:
        print("ValueError:", e)
    print(ord("€"), chr(8364), "²".isdigit(), "²".isdecimal(), "١".isdecimal())
    await asyncio.sleep(0.1)
    raise UnicodeError("bad byte sequence: \u00e9\u00e8")

asyncio.run(main())
