import asyncio


def add_item(name, qty, basket=[]):
    basket.append((name, qty))
    return basket


def add_item_fixed(name, qty, basket=None):
    if basket is None:
        basket = []
    basket.append((name, qty))
    return basket


async def customer(who, items, fn):
    basket = None
    for name, qty in items:
        await asyncio.sleep(0.1)
        basket = fn(name, qty)
    return who, basket


async def main():
    orders = {"ann": [("apple", 2), ("pear", 1)], "bob": [("milk", 1)]}
    for fn in (add_item, add_item_fixed):
        results = await asyncio.gather(*(customer(w, items, fn) for w, items in orders.items()))
        print(f"using {fn.__name__}:")
        for who, basket in results:
            print(f"  {who:<4} {basket}")
        print("  same list object:", results[0][1] is results[1][1])


asyncio.run(main())
