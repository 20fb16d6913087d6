import asyncio

TRANSITIONS = {
    "new": {"pay": "paid", "cancel": "cancelled"},
    "paid": {"ship": "shipped", "refund": "refunded"},
    "shipped": {"deliver": "delivered", "lose": "lost"},
    "lost": {"refund": "refunded"},
}
DURATIONS = {"pay": 0.2, "cancel": 0.05, "ship": 0.5, "refund": 0.3, "deliver": 0.4, "lose": 0.1}


async def run_order(order_id, actions):
    state = "new"
    history = [state]
    for action in actions:
        allowed = TRANSITIONS.get(state, {})
        if action not in allowed:
            history.append(f"!{action}")
            print(f"order {order_id}: cannot {action!r} when {state}; allowed: {sorted(allowed) or 'nothing'}")
            break
        await asyncio.sleep(DURATIONS[action])
        state = allowed[action]
        history.append(state)
    return order_id, state, history


async def main():
    scripts = {
        101: ["pay", "ship", "deliver"],
        102: ["pay", "refund", "ship"],
        103: ["cancel"],
        104: ["pay", "ship", "lose", "refund"],
        105: ["ship"],
    }
    results = await asyncio.gather(*(run_order(i, a) for i, a in scripts.items()))
    final = {}
    for oid, state, history in results:
        final.setdefault(state, []).append(oid)
        print(f"{oid}: {' -> '.join(history)}")
    for state in sorted(final, key=lambda s: (-len(final[s]), s)):
        print(f"{state:>10}: {final[state]}")
    t = asyncio.get_running_loop().time()
    print(f"terminal states reached by t={t:.2f}; terminal={[s for s in final if s not in TRANSITIONS]}")


asyncio.run(main())
