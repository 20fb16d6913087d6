def use_len(x):
    return len(x)

print(use_len("abc"))
len = lambda x: -1
print(use_len("abc"), len([1, 2]))
del len
print(use_len("abc"))
list = [1, 2]
try:
    list("ab")
except TypeError as e:
    print("TypeError:", e)
del list
print(list("ab"))
def f():
    max = 3
    return max
print(f(), max(1, 5))
sum = 0
for v in range(4):
    sum += v
print(sum)
print((lambda: 0).__name__, f.__name__)
def outer():
    def inner():
        return inner.__name__
    return inner()
print(outer())
