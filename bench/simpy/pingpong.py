"""SimPy model of bench/pingpong.py: 500,000 items through a Store of capacity 1.

Prints the consumer's sum, like the asyncio program's "total <sum>".
"""
import simpy

N = 500_000


def producer(store):
    """Put 0 .. N-1 into the store, blocking while it is full (Queue.put)."""
    for i in range(N):
        yield store.put(i)


def consumer(store):
    """Take N items from the store (Queue.get) and return their sum."""
    total = 0
    for _ in range(N):
        total += yield store.get()
    return total


def main(env):
    """Run producer and consumer together and print the consumer's result."""
    store = simpy.Store(env, capacity=1)
    prod = env.process(producer(store))
    cons = env.process(consumer(store))
    results = yield env.all_of([prod, cons])
    print("total", results[cons])


env = simpy.Environment()
env.process(main(env))
env.run()
