import asyncio

async def main():
    rows = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
    for a, b in rows:
        print(a, b, sep="\t")
        await asyncio.sleep(0.1)
    print("a\tb\tc")
    print(repr("tab\there"), repr("quote'\""), repr('single\'s'))
    print("back\\slash", repr("\x00\x7f\x80\u2028"))
    print("cr\rx".replace("\r", "<CR>"))
    print("multi\nline", end="\n\n")
    print("end")

asyncio.run(main())
