café = 'ß'
π = 3.14
print(café.upper(), π, 'ﬁ'.upper(), '🍔' * 3)
