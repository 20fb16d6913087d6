import asyncio

calls = []


async def fetch_scores(team):
    await asyncio.sleep(0.1 * len(team))
    data = {"red": [12, 7, 30, 4], "blue": [15, 15, 9], "green": [], "gold": [50, 1]}
    return team, data[team]


def expensive(x):
    calls.append(x)
    return x * 2


async def main():
    rows = dict(await asyncio.gather(*(fetch_scores(t) for t in ["red", "blue", "green", "gold"])))
    total = sum(s for scores in rows.values() for s in scores)
    best_team = max(rows, key=lambda t: sum(rows[t]))
    print("total", total, "best", best_team)
    print("any team over 40:", any(sum(v) > 40 for v in rows.values()))
    print("all non-empty:", all(len(v) for v in rows.values()))
    print("first big score:", next((s for v in rows.values() for s in v if s > 20), None))
    print("no huge score:", next((s for v in rows.values() for s in v if s > 100), "none"))
    avgs = dict((t, round(sum(v) / len(v), 1)) for t, v in rows.items() if v)
    print("averages", avgs)
    g = (expensive(s) for s in rows["red"])
    print("first two doubled:", next(g), next(g), "calls so far", calls)
    print("rest:", list(g), "again:", list(g))
    calls.clear()
    print("short-circuit any:", any(expensive(s) > 20 for s in [1, 15, 2, 3]), calls)
    ranking = sorted(((sum(v), t) for t, v in rows.items()), reverse=True)
    for place, (score, team) in enumerate(ranking, 1):
        print(f"{place}. {team:<6}{score:>4} {'*' * (score // 10)}")


asyncio.run(main())
