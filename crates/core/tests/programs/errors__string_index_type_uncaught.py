word = "abc"
key = "a"
print(word[0])
print(word[key])
