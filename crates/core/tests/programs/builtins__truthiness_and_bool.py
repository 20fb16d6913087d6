import asyncio

async def main():
    values = [0, 1, -1, 0.0, 0.1, "", " ", "False", [], [0], (), (None,), {}, {"": 0}, None, range(0), range(1)]
    print([bool(v) for v in values])
    print(sum(1 for v in values if v), any(values), all(values), all([]), any([]))
    print(True + True, True * 3, False - 1, True / 2, int(True), str(False), repr(True), True == 1, False == 0.0)
    print(1 and 2, 0 and 2, 1 or 2, 0 or "", "" or 0, None or [] or "last", not "", not [0])
    print(isinstance(True, int), isinstance(1, bool), type(True).__name__, type(1 == 1).__name__)
    t = asyncio.create_task(asyncio.sleep(0))
    print(bool(t), bool(asyncio.Event()), bool(asyncio.Queue()))
    await t
    print(max(True, 0.5), min(False, -0.0), sum([True, True, False]), abs(True), round(True), -True)

asyncio.run(main())
