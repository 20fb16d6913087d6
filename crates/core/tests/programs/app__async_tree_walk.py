import asyncio

TREE = {
    "name": "root", "size": 1,
    "children": [
        {"name": "src", "size": 4, "children": [
            {"name": "main.py", "size": 12, "children": []},
            {"name": "util.py", "size": 7, "children": []},
        ]},
        {"name": "docs", "size": 2, "children": [
            {"name": "index.md", "size": 3, "children": []},
        ]},
        {"name": "empty", "size": 0, "children": []},
    ],
}


async def stat(node):
    await asyncio.sleep(node["size"] * 0.01)
    return node["size"]


async def walk(node, depth=0, path=""):
    here = f"{path}/{node['name']}" if path else node["name"]
    own = await stat(node)
    subtotals = await asyncio.gather(*(walk(c, depth + 1, here) for c in node["children"]))
    total = own + sum(subtotals)
    t = asyncio.get_running_loop().time()
    print(f"{t:.2f} {'  ' * depth}{here} total={total}")
    return total


async def count_leaves(node):
    if not node["children"]:
        return 1
    counts = [await count_leaves(c) for c in node["children"]]
    return sum(counts)


async def main():
    total = await walk(TREE)
    print("grand total", total, "leaves", await count_leaves(TREE))
    flat = []

    def flatten(n, d):
        flat.append((d, n["name"]))
        for c in n["children"]:
            flatten(c, d + 1)

    flatten(TREE, 0)
    deepest = max(flat)
    print("deepest", deepest, "names at depth 2:", sorted(name for d, name in flat if d == 2))


asyncio.run(main())
