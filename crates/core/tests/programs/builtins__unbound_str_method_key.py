words = ["b", "A", "a", "B"]
print(sorted(words, key=str.lower), list(map(str.upper, words)), str.strip("  x "), str.join("-", "ab"))
