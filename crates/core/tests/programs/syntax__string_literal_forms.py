import asyncio

café = "crème"
π = 3.14159
print(café, π, r"raw\n\t", R"\d+", "\101\102\x43\u0044\U0001F600")
msg = ("implicit "
       'concatenation '
       "across lines")
print(msg, len(msg))
doc = """triple "double" and 'single'
second line\tend"""
print(doc)
print('''it's''', """say "hi\"""", "a\
b", 'tab\there', "\\n literal")
total = 1 + \
    2 + \
    3
print(total); print("after semicolon")
if True: print("one-line if")
for i in range(2): print("one-line for", i)
x = 5 if π > 3 else 0; y = [*"ab"]
print(x, y, f"{café!r} {π:.2f} {'{'}{'}'}", f'{"nested"}', f"{'a' + 'b'!s:>4}")
async def main(): return "one-line async def"
print(asyncio.run(main()))
