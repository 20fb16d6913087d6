import asyncio

LINKS = {
    "/": ["/about", "/blog", "/shop"],
    "/about": ["/", "/team"],
    "/blog": ["/blog/1", "/blog/2", "/about"],
    "/blog/1": ["/blog/2"],
    "/blog/2": ["/blog/1", "/missing"],
    "/shop": ["/shop/cart", "/"],
    "/shop/cart": [],
    "/team": ["/about"],
}
LATENCY = {"/": 0.3, "/about": 0.1, "/blog": 0.2, "/shop": 0.4, "/team": 0.15}


async def fetch(url):
    await asyncio.sleep(LATENCY.get(url, 0.05 * len(url)))
    if url not in LINKS:
        raise LookupError(f"404 {url}")
    return LINKS[url]


async def crawl(start, max_concurrency=2):
    seen = {start}
    queue = asyncio.Queue()
    queue.put_nowait((start, 0))
    sem = asyncio.Semaphore(max_concurrency)
    errors = []
    depth_of = {start: 0}

    async def visit(url, depth):
        async with sem:
            loop = asyncio.get_running_loop()
            print(f"{loop.time():5.2f} GET {url} (depth {depth})")
            try:
                links = await fetch(url)
            except LookupError as e:
                errors.append(str(e))
                return
        for link in links:
            if link not in seen:
                seen.add(link)
                depth_of[link] = depth + 1
                queue.put_nowait((link, depth + 1))

    pending = set()
    while True:
        while not queue.empty():
            url, depth = queue.get_nowait()
            pending.add(asyncio.create_task(visit(url, depth), name=url))
        if not pending:
            break
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    return depth_of, errors


async def main():
    depth_of, errors = await crawl("/")
    for url, d in sorted(depth_of.items(), key=lambda kv: (kv[1], kv[0])):
        print(f"{'  ' * d}{url}")
    print("errors:", errors)
    print(f"crawled {len(depth_of)} urls by t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
