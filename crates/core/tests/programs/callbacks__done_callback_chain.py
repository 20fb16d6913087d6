import asyncio

events = []


async def stage(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return name.upper()


def report(task):
    name = task.get_name()
    if task.cancelled():
        events.append(f"{name}: cancelled")
    elif task.exception() is not None:
        events.append(f"{name}: error {task.exception()!r}")
    else:
        events.append(f"{name}: result {task.result()}")


def chain(next_name, delay):
    def cb(task):
        if not task.cancelled() and task.exception() is None:
            t = asyncio.create_task(stage(next_name, delay), name=next_name)
            t.add_done_callback(report)
            events.append(f"{task.get_name()} -> spawned {next_name}")
    return cb


async def main():
    first = asyncio.create_task(stage("fetch", 0.1), name="fetch")
    first.add_done_callback(report)
    first.add_done_callback(chain("parse", 0.2))
    bad = asyncio.create_task(stage("upload", 0.15, fail=True), name="upload")
    bad.add_done_callback(report)
    bad.add_done_callback(chain("notify", 0.1))
    slow = asyncio.create_task(stage("archive", 5), name="archive")
    slow.add_done_callback(report)
    await asyncio.sleep(0.2)
    slow.cancel()
    await asyncio.sleep(0.5)
    for e in events:
        print(e)
    print("removed:", first.remove_done_callback(report))


asyncio.run(main())
