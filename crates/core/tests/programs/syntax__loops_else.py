for i in range(3):
    if i == 5:
        break
else:
    print("for completed without break")
for i in range(10):
    if i == 2:
        print("breaking at", i)
        break
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
else:
    print("while else, n =", n)
for i in []:
    pass
else:
    print("empty for else")
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if b > 1:
            break
        print(a, b)
print(i, a, b)
