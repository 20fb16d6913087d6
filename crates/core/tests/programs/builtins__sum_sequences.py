# sum over a list or a tuple adds the items where they are; over anything
# else it collects them first: the same results and errors either way.
import asyncio

counts = [1, 2, 3, 4]
print(sum(counts), 1 + sum(counts), sum(counts, 10), sum(counts, start=-10))
print(sum((1, 2.5, 3)), sum(()), sum([]), sum([], 7), sum([True, True, 1]))
print(sum([[1], [2, 3]], []), sum(([1], [2]), [0]))
print(sum(x * x for x in range(5)), sum(range(4)), sum({1: "a", 2: "b"}))
nested = [1, 2]
nested.append(3)
print(sum(nested), nested)
for bad in ([1, "a", 2], (1.5, None), ["a", "b"]):
    try:
        print(sum(bad))
    except TypeError as e:
        print("TypeError:", e)
try:
    sum(["a"], "")
except TypeError as e:
    print("TypeError:", e)


async def node(depth):
    if depth == 2:
        await asyncio.sleep(0.01)
        return 1
    counts = await asyncio.gather(*(node(depth + 1) for _ in range(3)))
    return 1 + sum(counts)


print("nodes", asyncio.run(node(0)))
