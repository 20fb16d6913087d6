a = [3, 1, 2]
a.append(5)
a.extend([0, 9])
a.insert(1, 7)
a.insert(-1, 8)
a.insert(100, 4)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(7)
print(a, a.index(2), a.count(2), 2 in a, 42 not in a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, a[::-1], a[1:3], a[-2:], a[:0])
b = a.copy()
b[0] = 100
print(a[0], b[0])
a[1:3] = ["x", "y", "z"]
print(a)
del a[0]
del a[-1]
print(a)
a.clear()
print(a, [] == a, [1, 2] + [3], [0] * 3, [[0]] * 2)
words = ["pear", "fig", "apple", "kiwi"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: (-len(w), w))
print(words)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError", e)
try:
    [1].index(2)
except ValueError as e:
    print("ValueError", e)
m = [[1, 2], [3, 4]]
m[1][0] = 30
print(m, [row[1] for row in m], list(range(10, 0, -3)), list(range(0)))
print([1, 2] < [1, 3], [1, 2] == [1, 2], (1, 2) < (1, 2, 0), max([[1, 2], [1, 3]]))
