# Names may be written in any script: a name starts with a letter, a letter
# number (Ⅻ) or an underscore, and goes on with those, digits of any script
# and combining marks (the accent of "é" written as e + U+0301). (CPython
# also reads each name in its NFKC form, so Ⅻ and XII are one name; loopscope
# does not, and this program does not depend on it.)
Ⅻ = 12
x١ = 1
café = "with a combining accent"
ǅungla = 3
π = 3.14159
名前 = "name"
_ⅰ2 = 2
print(Ⅻ + x١ + ǅungla + _ⅰ2, π, 名前, café)
print("Ⅻ".isidentifier(), "x١".isidentifier(), "١x".isidentifier(), "e\u0301".isidentifier(), "\u0301e".isidentifier())
