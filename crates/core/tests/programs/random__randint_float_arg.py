import random

for args in [(1.5, 3), (1.0, 3.0), (2, 5.5)]:
    try:
        print(args, random.randint(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__ + ":", e)
