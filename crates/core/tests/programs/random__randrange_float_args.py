import random
random.seed(7)
print([random.randint(1, 6) for _ in range(5)])
print(random.randrange(10.0), random.randrange(2.0, 20.0, 3.0), random.randint(0, 0))
for args in [(1.5,), (0, 2.5), (0, 10, 0.5), (float("nan"),), (float("inf"),), ("3",)]:
    try:
        print(args, random.randrange(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(args, type(e).__name__ + ":", e)
for a in ["a", None, [1], " 4 "]:
    try:
        random.randrange(a)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(random.random() < 1)
