def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print("found at", i)
            break
    else:
        print("not found")
    return "done"

print(find([1, 2, 3], 2))
print(find([1, 2, 3], 9))
print(find([], 1))
n = 0
while n < 3:
    n += 1
else:
    print("while exhausted", n)
n = 0
while True:
    n += 1
    if n > 4:
        break
else:
    print("never")
print("broke at", n)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if i + j == 3:
            break
    else:
        print("inner complete for", i)
        continue
    print("inner broke for", i, j)
