async def g():
    yield 1
    await g()
