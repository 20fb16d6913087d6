import asyncio

messages = []
cond = asyncio.Condition()
closed = {"v": False}


async def publisher():
    for i, text in enumerate(["hello", "weather: rain", "news: asyncio", "bye"]):
        await asyncio.sleep(0.2)
        async with cond:
            messages.append(text)
            print(f"{asyncio.get_running_loop().time():.1f} publish #{i} {text!r}")
            cond.notify_all()
    async with cond:
        closed["v"] = True
        cond.notify_all()


async def subscriber(name, topic, slow):
    seen = 0
    got = []
    while True:
        async with cond:
            await cond.wait_for(lambda: len(messages) > seen or closed["v"])
            fresh = messages[seen:]
            seen = len(messages)
            done = closed["v"] and not fresh
        if done:
            return name, got
        for m in fresh:
            if topic is None or m.startswith(topic):
                got.append(m)
        await asyncio.sleep(slow)


async def main():
    subs = [subscriber("all", None, 0.0), subscriber("news", "news", 0.5), subscriber("weather", "weather", 0.1)]
    results = await asyncio.gather(publisher(), *subs)
    for name, got in results[1:]:
        print(f"{name:>8}: {got}")


asyncio.run(main())
