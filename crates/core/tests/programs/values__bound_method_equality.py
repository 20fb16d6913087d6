# Each `l.append` makes a new bound method: never `is` another, but equal
# (and hashing equal, so one dict key) when it binds the same object to the
# same function.
import asyncio


async def main():
    l = []
    q = asyncio.Queue()
    print(l.append == l.append, l.append is l.append, [].append == [].append)
    print(hash(l.append) == hash(l.append), q.put_nowait == q.put_nowait)
    print({l.append: 1}[l.append], l.append != l.append, l.append == l.pop)
    seen = {l.append, l.append, l.pop, q.get_nowait, q.get_nowait}
    print(len(seen))


asyncio.run(main())
