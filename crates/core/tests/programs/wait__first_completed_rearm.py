import asyncio

SCHEDULE = {"feed-a": [0.3, 0.5, 0.2], "feed-b": [0.4, 0.4], "feed-c": [1.5]}


async def next_item(feed, idx):
    await asyncio.sleep(SCHEDULE[feed][idx])
    return feed, idx


async def main():
    loop = asyncio.get_running_loop()
    pending = {}
    for feed in SCHEDULE:
        t = asyncio.create_task(next_item(feed, 0), name=feed)
        pending[t] = feed
    received = []
    rounds = 0
    while pending:
        rounds += 1
        done, _ = await asyncio.wait(list(pending), return_when=asyncio.FIRST_COMPLETED, timeout=1.0)
        if not done:
            print(f"{loop.time():.2f} round {rounds}: nothing within 1s, {len(pending)} pending")
            continue
        for t in sorted(done, key=lambda t: t.get_name()):
            feed, idx = t.result()
            del pending[t]
            received.append(f"{feed}[{idx}]")
            print(f"{loop.time():.2f} round {rounds}: got {feed}[{idx}]")
            if idx + 1 < len(SCHEDULE[feed]):
                nt = asyncio.create_task(next_item(feed, idx + 1), name=feed)
                pending[nt] = feed
    print("received", received, "in", rounds, "rounds")


asyncio.run(main())
