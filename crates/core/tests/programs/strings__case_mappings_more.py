words = ["Straße", "ǆungla", "ǈubljana", "ﬁsh", "ΣΊΣΥΦΟΣ", "İstanbul", "ŉ", "ﬀ", "µ", "hello world", "o'neil x2y", ""]
for w in words:
    print(repr(w), repr(w.casefold()), repr(w.title()), repr(w.capitalize()), w.istitle())
print("ǅemal".istitle(), "ǅEmal".istitle(), "Ǆemal".istitle(), "ß".upper(), "ß".title())
print(sorted(["b", "A", "ß", "ss"], key=str.casefold))
