"""SimPy model of bench/gil.py: 32 threads each needing 0.5 s of CPU under a GIL.

The GIL is a Resource of capacity 1 taken in slices of the 5 ms switch
interval: a thread runs one slice, releases the GIL and queues for it again,
so the threads take turns. Prints the final virtual time, like the asyncio
program's "done at <loop.time()>".
"""
import simpy

THREADS = 32
WORK_NS = 500_000_000      # 0.5 s of CPU per thread
SWITCH_NS = 5_000_000      # sys.getswitchinterval() = 0.005 s


def thread(env, gil):
    """Do WORK_NS of CPU work, holding the GIL for at most one switch interval at a time."""
    left = WORK_NS
    while left > 0:
        with gil.request() as req:
            yield req
            step = min(SWITCH_NS, left)
            yield env.timeout(step / 1e9)
            left -= step


def main(env):
    """Start the threads, wait for all of them (gather of to_thread) and print the time."""
    gil = simpy.Resource(env, capacity=1)
    yield env.all_of([env.process(thread(env, gil)) for _ in range(THREADS)])
    # 3,200 float additions of 0.005 s drift in the last digits; round to the
    # nanosecond so the line reads like the simulator's "done at 16.0".
    print("done at", round(env.now, 9))


env = simpy.Environment()
env.process(main(env))
env.run()
