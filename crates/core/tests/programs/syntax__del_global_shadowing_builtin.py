len = lambda x: -1
print(len("abc"))
del len
print(len("abc"))
