import asyncio

SOURCE = 'let x = 42 + y_1 * (3.5 - "str\\"ing") ; # comment\nprint(x, -7)'

def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c in " \t\n":
            i += 1
            continue
        if c == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
            continue
        if c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("FLOAT" if "." in text else "INT", text))
            i = j
            continue
        if c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("KW" if word in ("let", "print") else "NAME", word))
            i = j
            continue
        if c == '"':
            j = i + 1
            buf = []
            while src[j] != '"':
                if src[j] == "\\":
                    j += 1
                buf.append(src[j])
                j += 1
            tokens.append(("STR", "".join(buf)))
            i = j + 1
            continue
        tokens.append(("OP", c))
        i += 1
    return tokens

async def consume(q, stats):
    while True:
        kind, text = await q.get()
        if kind == "EOF":
            break
        stats[kind] = stats.get(kind, 0) + 1
        print(f"{kind:<5} {text!r}")
        await asyncio.sleep(0.01)

async def main():
    q = asyncio.Queue(maxsize=3)
    stats = {}
    c = asyncio.create_task(consume(q, stats))
    for tok in tokenize(SOURCE):
        await q.put(tok)
    await q.put(("EOF", ""))
    await c
    print(stats)
    print(sorted(stats.items(), key=lambda kv: (-kv[1], kv[0])))

asyncio.run(main())
