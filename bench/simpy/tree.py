"""SimPy model of bench/tree.py: a process tree of fan-out 10 and depth 5.

111,111 processes: leaves wait 1 ms, parents wait for all their children and
return 1 + the sum of the children's counts. Prints "nodes <count>".
"""
import simpy


def node(env, depth):
    """Return the number of processes in this subtree."""
    if depth == 5:
        yield env.timeout(0.001)
        return 1
    children = [env.process(node(env, depth + 1)) for _ in range(10)]
    counts = yield env.all_of(children)
    return 1 + sum(counts[c] for c in children)


def main(env):
    """Run the tree from its root and print its size."""
    print("nodes", (yield env.process(node(env, 0))))


env = simpy.Environment()
env.process(main(env))
env.run()
