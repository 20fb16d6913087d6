import asyncio

DOCS = {
    "doc1": "the quick brown fox jumps over the lazy dog",
    "doc2": "the dog barks and the fox runs",
    "doc3": "a quick brown dog",
    "doc4": "lazy lazy afternoon for the fox",
}


async def mapper(name, text):
    await asyncio.sleep(len(text) / 100)
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    print(f"{asyncio.get_running_loop().time():.2f} mapped {name}: {len(counts)} distinct")
    return counts


async def reducer(partials):
    total = {}
    for p in partials:
        for w, c in p.items():
            total[w] = total.get(w, 0) + c
        await asyncio.sleep(0)
    return total


async def main():
    partials = await asyncio.gather(*(mapper(n, t) for n, t in DOCS.items()))
    total = await reducer(partials)
    top = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(f"{'word':<8}{'count':>5}")
    print("-" * 13)
    for w, c in top:
        print(f"{w:<8}{c:>5}")
    print("words:", sum(total.values()), "distinct:", len(total))
    longest = max(total, key=len)
    print("longest:", longest, "| any 'cat':", any(w == "cat" for w in total))
    by_len = {}
    for w in sorted(total):
        by_len.setdefault(len(w), []).append(w)
    for n, ws in sorted(by_len.items()):
        print(n, ",".join(ws))


asyncio.run(main())
