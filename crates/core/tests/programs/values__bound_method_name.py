words = []
f = words.append
g = "abc".upper
print(f.__name__, g.__name__, len.__name__, print.__name__)
