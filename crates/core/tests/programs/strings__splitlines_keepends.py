text = "first\nsecond\r\nthird"
print(text.splitlines(True))
print(text.splitlines(keepends=True), text.splitlines())
print("".join(text.splitlines(True)) == text)
