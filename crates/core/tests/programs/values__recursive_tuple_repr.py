t = ([],)
t[0].append(t)
print(t)
