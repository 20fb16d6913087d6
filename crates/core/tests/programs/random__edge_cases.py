import random

random.seed(123)
print(random.uniform(5, 1), random.randint(3, 3), random.choice(["only"]))
words = ["a", "b", "c", "d", "e", "f"]
random.shuffle(words)
print(words)
print([random.randint(1, 100) for _ in range(8)])
print([round(random.random(), 4) for _ in range(4)])
random.seed(1.5)
print(random.random())
random.seed(-7)
print(random.random(), random.randint(0, 2 ** 31))
random.seed(2 ** 40 + 3)
print(random.random())
try:
    random.choice([])
except IndexError as e:
    print("IndexError", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError", e)
random.seed(0)
print(random.choice(range(100)), random.choice("xyz"), random.choice((1, 2)))
