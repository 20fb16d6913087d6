# str.isalpha, isnumeric, isalnum, isdecimal, isdigit, isspace, isidentifier
# and isascii over every code point of planes 0 and 1 and of U+E0000 to
# U+E0FFF, and every 31st code point of the rest. Python 3.11 answers from
# Unicode 14: its letters are categories Lu, Ll, Lt, Lm and Lo (no combining
# marks, no Roman numerals), its numerals include ideographs such as 五, and
# its whitespace includes the separators U+001C to U+001F.
P = 1000003


def digest(name, r):
    # The count and a sum weighing each code point by where it is.
    n = len(r)
    print(name, n, sum(map(pow, map(ord, r), range(n), [P] * n)) % P)


chars = "".join(map(chr, list(range(0, 0xD800)) + list(range(0xE000, 0x20000)) + list(range(0xE0000, 0xE1000))))
chars += "".join(map(chr, range(0x20000, 0xE0000, 31))) + "".join(map(chr, range(0xE1000, 0x110000, 31)))
print(len(chars), "code points")
for f in [str.isalpha, str.isnumeric, str.isalnum, str.isdecimal, str.isdigit, str.isspace, str.isidentifier, str.isascii]:
    digest(f.__name__, "".join(filter(f, chars)))
digest("goes on an identifier", "".join([c for c in chars if ("a" + c).isidentifier()]))

# Spot checks, each character alone and in a string.
for s in ["Ⅻ", "ⅻ", "五", "½", "٣", "²", "\u0345", "\u0301", "ǅ", "ª", "ˆ", "ͺ", "ำ", "\u1c89", "\U0001e4d0",
          "\x1c", "\x1f", "\x85", "\xa0", "\u200b", "\u3000", "\u180e", "_", "a1", "1a", "a\u0301", "x١", "·",
          "℘", "℮", "゛", "", " "]:
    print(repr(s), s.isalpha(), s.isnumeric(), s.isalnum(), s.isspace(), s.isidentifier(), s.isascii())

# Splitting and stripping go by the same whitespace.
s = "\x1ca\x1db\x1ec\x1fd\x85e\u3000f\u200bg\xa0h\u2028"
print(s.split(), s.split(None, 2), s.rsplit(None, 2), [s.strip()], [s.lstrip()], [s.rstrip()])
print("\u200b x \u200b".split(), [" \x1c\u3000x\u2029".strip()], "a \x1f b".rsplit(maxsplit=1))
print(int("\x85 42\u3000"), float("\xa01.5\u2029"), int("\u0663\u0664"))
for s in ["\x1c1", "1\x1f", "\x1d1.5", "1.5\x1e"]:
    for f in [int, float]:
        try:
            print(repr(s), f(s))
        except ValueError as e:
            print(repr(s), e)
