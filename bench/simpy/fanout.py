"""SimPy model of bench/fanout.py: 10,000 processes, each waiting 100 timeouts.

One million timer events; the main process waits for all workers and prints
the final virtual time, like the asyncio program's "done at <loop.time()>".
"""
import simpy


def worker(env, i):
    """Wait 100 timeouts of 1 to 7 ms, the same sequence as asyncio.sleep in fanout.py."""
    for k in range(100):
        yield env.timeout(0.001 * ((i + k) % 7 + 1))


def main(env):
    """Start the workers and wait for all of them (asyncio.gather)."""
    yield env.all_of([env.process(worker(env, i)) for i in range(10000)])
    # asyncio fires timers due within its 1 ns clock resolution together, so
    # its clock lands a few ulps away from SimPy's exact sums: round to the ns.
    print("done at", round(env.now, 9))


env = simpy.Environment()
env.process(main(env))
env.run()
