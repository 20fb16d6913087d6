import asyncio

async def main():
    checks = [
        (KeyError("k"), LookupError),
        (IndexError(1), LookupError),
        (ZeroDivisionError(), ArithmeticError),
        (OverflowError(), ArithmeticError),
        (ConnectionResetError(), ConnectionError),
        (ConnectionRefusedError(), OSError),
        (TimeoutError(), OSError),
        (UnicodeError(), ValueError),
        (NotImplementedError(), RuntimeError),
        (RecursionError(), RuntimeError),
        (asyncio.CancelledError(), Exception),
        (asyncio.CancelledError(), BaseException),
        (asyncio.InvalidStateError(), Exception),
        (asyncio.QueueEmpty(), Exception),
        (ExceptionGroup("g", [ValueError()]), Exception),
        (KeyboardInterrupt(), Exception),
        (StopIteration(), Exception),
        (AssertionError(), Exception),
        (FileNotFoundError(), OSError),
        (PermissionError(), OSError),
    ]
    for exc, base in checks:
        print(f"{type(exc).__name__:>22} is {base.__name__:<14} {isinstance(exc, base)}")
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.1)
    except OSError as e:
        print("wait_for timeout caught as OSError:", type(e).__name__, isinstance(e, asyncio.TimeoutError))
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except OSError as e:
        print("timeout() caught as OSError:", repr(e))

asyncio.run(main())
