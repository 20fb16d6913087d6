log = []


def t(x):
    log.append(x)
    return x


g = (t(i) for i in range(3))
print("created", log)
print(any(t(v) for v in [0, 5, 0, 7]), log)
