import asyncio

runs = []


async def job_backup():
    await asyncio.sleep(0.4)
    return "backup ok"


async def job_email():
    await asyncio.sleep(0.05)
    raise ConnectionRefusedError("smtp down")


async def job_metrics():
    cpu(0.02)
    return "metrics pushed"


async def every(period, name, job, count):
    loop = asyncio.get_running_loop()
    next_at = loop.time()
    for i in range(count):
        next_at += period
        delay = next_at - loop.time()
        if delay < 0:
            print(f"{loop.time():.2f} {name}: running late by {-delay:.2f}s, skipping sleep")
        else:
            await asyncio.sleep(delay)
        started = loop.time()
        try:
            result = await job()
            status = "ok"
        except OSError as e:
            result = f"{type(e).__name__}({e})"
            status = "fail"
        runs.append((round(started, 2), name, status, result, round(loop.time() - started, 2)))


async def main():
    await asyncio.gather(
        every(0.3, "backup", job_backup, 3),
        every(0.25, "email", job_email, 3),
        every(0.2, "metrics", job_metrics, 4),
    )
    runs.sort()
    for started, name, status, result, took in runs:
        print(f"{started:5.2f} {name:<8}{status:<5}{took:5.2f}s {result}")
    fails = sum(1 for r in runs if r[2] == "fail")
    print(f"{len(runs)} runs, {fails} failures, ended {asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
