import asyncio


async def main():
    ops = [
        ("1 / 0", lambda: 1 / 0),
        ("1 // 0", lambda: 1 // 0),
        ("1 % 0", lambda: 1 % 0),
        ("1.0 / 0", lambda: 1.0 / 0),
        ("1.0 // 0", lambda: 1.0 // 0),
        ("1.0 % 0", lambda: 1.0 % 0),
        ("5 // 0.0", lambda: 5 // 0.0),
        ("5 % 0.0", lambda: 5 % 0.0),
        ("0 ** -1", lambda: 0 ** -1),
        ("0.0 ** -1", lambda: 0.0 ** -1),
    ]
    for label, f in ops:
        try:
            print(label, "=", f())
        except ZeroDivisionError as e:
            print(label, "->", e)


asyncio.run(main())
