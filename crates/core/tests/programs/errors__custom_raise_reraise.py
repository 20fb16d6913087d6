import asyncio


async def inner():
    try:
        raise ValueError("original")
    except ValueError as e:
        raise RuntimeError("wrapped") from e


async def main():
    try:
        await inner()
    except RuntimeError as e:
        print(repr(e), repr(e.__cause__))
    try:
        try:
            raise TypeError("t")
        except TypeError:
            print("handling")
            raise
    except TypeError as e:
        print("reraised", e)
    e = ValueError("a", 2, [3])
    print(str(e), repr(e), e.args, len(e.args))
    print(str(ValueError()), repr(ValueError()), repr(Exception("x")))
    raise OSError("final failure")


asyncio.run(main())
