s1 = 'single'; s2 = "double"
s3 = """triple
quoted"""
s4 = r"raw\n\t"
s5 = "implicit " "concat " 'mixed'
s6 = "esc: \\ \' \" \t| \u00e9 \x41 \101"
total = 1 + \
    2 + \
    3
items = [
    1,
    2,  # trailing comma and comment
]
call = max(
    10,
    20,
)
print(s1, s2, s3, s4, s5, s6, total, items, call, sep="\n")
if total > 5: print("one-line if")
x = 0b1010 + 0o17 + 0xff + 1_000_000
y = 1.5e3 + .5 + 5. + 1_0.0_1
print(x, y, 10e-1, 0.0, -0.0 == 0.0)
print(len(s3), s3.splitlines(), repr(s4), len(s4))
print(f"{'nested quotes'}", f'{"other"}', f"{s1!r:>10}", f"""{s2}""", rf"\d{x}")
t = (1)
u = (1,)
v = 1, 2
print(type(t).__name__, type(u).__name__, v, ())
