items = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nhere", "back\\slash", "", "uni é ✓", "\x00\x1f\x7f", "\r"]
for s in items:
    print(repr(s), len(s))
print(items)
print(str(items[1:3]))
print(("a", 'b"'), {"k'": "v\""})
print(repr(1.0), repr(-0.0), repr(1e100), repr(1.5e-7), repr(123456789012345678.0), repr(0.1), repr(1/3))
print(1e15, 1e16, 123456789.123456789, 2.0 ** 60, 2 ** 60, float(2 ** 53 + 1))
print(repr(None), repr(True), repr([]), repr(()), repr({}), repr((None,)))
print(str(12), str(-0.5), str("x"), repr("x"))
nested = [[1, [2, [3, []]]], {"a": {"b": (1, "2")}}, (1.5, None)]
print(nested)
print(str(nested) == repr(nested))
