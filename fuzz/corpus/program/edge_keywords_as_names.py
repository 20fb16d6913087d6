async = 1
await = 2
match = 3
print(match)
