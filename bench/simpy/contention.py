"""SimPy model of bench/contention.py: 1,000 processes taking one lock 100 times.

The lock is a Resource of capacity 1; each holder does a zero-length timeout
(asyncio.sleep(0)) before releasing it. Prints "acquired <n> times".
"""
import simpy


def worker(env, lock, counts):
    """Take the lock 100 times, yielding once while holding it."""
    for _ in range(100):
        with lock.request() as req:
            yield req
            counts[0] += 1
            yield env.timeout(0)


def main(env):
    """Start the workers, wait for all of them and print the acquisition count."""
    lock = simpy.Resource(env, capacity=1)
    counts = [0]
    yield env.all_of([env.process(worker(env, lock, counts)) for _ in range(1000)])
    print("acquired", counts[0], "times")


env = simpy.Environment()
env.process(main(env))
env.run()
