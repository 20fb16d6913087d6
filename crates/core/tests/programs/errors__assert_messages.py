import asyncio


async def main():
    x = 3
    try:
        assert x == 3, "fine"
        assert x > 5, f"x is {x}"
    except AssertionError as e:
        print("caught", repr(e), e.args)
    try:
        assert []
    except AssertionError as e:
        print("empty", repr(e), str(e) == "")
    assert x < 0, ("tuple", x)


asyncio.run(main())
