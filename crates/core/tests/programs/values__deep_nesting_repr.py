x = []
for i in range(300):
    x = [x]
s = repr(x)
print(len(s), s.count("["), "..." in s)
