import asyncio


async def main():
    d = {"a": 1}
    try:
        d["missing"]
    except KeyError as e:
        print(str(e), repr(e), e.args)
    try:
        [1, 2][5]
    except IndexError as e:
        print(str(e))
    try:
        int("x1")
    except ValueError as e:
        print(str(e))
    try:
        1 / 0
    except ZeroDivisionError as e:
        print(str(e))
    try:
        1 % 0
    except ZeroDivisionError as e:
        print(str(e))
    try:
        1.0 / 0
    except ZeroDivisionError as e:
        print(str(e))
    try:
        "a" + 1
    except TypeError as e:
        print(str(e))
    try:
        None.foo
    except AttributeError as e:
        print(str(e))
    try:
        undefined_name
    except NameError as e:
        print(str(e))
    print(d[(await asyncio.sleep(0.1, "nope"))])


asyncio.run(main())
