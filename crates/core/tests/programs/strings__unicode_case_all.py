# Code points through str.upper, lower, casefold, swapcase, title, capitalize,
# isupper, islower and istitle, alone and in the contexts where neighbours
# matter: title() lowercases a character after a cased one, and lower() writes
# a final sigma after a cased character (looking through case-ignorable ones)
# when no cased character follows. Every code point of planes 0 and 1 and of
# the tags and variation selectors (U+E0000 to U+E0FFF), where all the
# characters with a case or a case property are; every 31st code point of the
# rest (ideographs, private use, unassigned), to keep the test quick.
ops = [str.upper, str.lower, str.casefold, str.swapcase, str.title, str.capitalize]


def quiet(chars):
    # Nothing changes, and no character is cased or case-ignorable.
    if any([f(chars) != chars for f in ops]) or chars.isupper() or chars.islower() or chars.istitle():
        return False
    # A cased or case-ignorable character makes the sigma after it final.
    return ("A" + "\u03a3 A".join(chars) + "\u03a3").lower() == "a" + "\u03c3 a".join(chars) + "\u03c3"


# Blocks of 128 code points: the quiet ones are checked whole, the characters
# of the others one by one below.
loud = []
starts = list(range(0, 0xD800, 128)) + list(range(0xE000, 0x20000, 128)) + list(range(0xE0000, 0xE1000, 128))
for start in starts:
    if not quiet("".join(map(chr, range(start, start + 128)))):
        loud.append(start)
print(len(starts) - len(loud), "quiet blocks;", len(loud), "others:", list(map(hex, loud)))
rest = "".join(map(chr, range(0x20000, 0xE0000, 31))) + "".join(map(chr, range(0xE1000, 0x110000, 31)))
print(len(rest), "more code points, quiet:", quiet(rest))

# Each result below is printed as its length and a sum that weighs each code
# point by where it is: pow(code point, position, P), modulo P.
P = 1000003


def digest(name, r):
    n = len(r)
    print(name, n, sum(map(pow, map(ord, r), range(n), [P] * n)) % P)


# The characters of those blocks, each alone: the space between them is
# neither cased nor case-ignorable, and no operation changes it.
chars = "".join([chr(c) for s in loud for c in range(s, s + 128) if c != 0x20])
# (Their lower() and title() are in the contexts' results below.)
alone = " ".join(chars)
for f in [str.upper, str.casefold, str.swapcase]:
    digest(f.__name__, f(alone))
digest("capitalize", "".join(map(str.capitalize, chars)))
for f in [str.isupper, str.islower, str.istitle]:
    digest(f.__name__, "".join(filter(f, chars)))
# Each character titlecased, and the 'a' after it lowercase if it is cased.
digest("a after it, title", ("a ".join(chars) + "a").title())
# A sigma after A and the character is final unless the character is neither
# cased nor case-ignorable; right after the character, if it is cased and not
# case-ignorable; before it and A, unless it is cased or case-ignorable.
digest("sigma after A and it", ("A" + "\u03a3 A".join(chars) + "\u03a3").lower())
digest("sigma after it", ("\u03a3 ".join(chars) + "\u03a3").lower())
digest("sigma before it and A", ("A\u03a3" + "A A\u03a3".join(chars) + "A").lower())
print("space:", [f(" ") for f in ops], "a a".title(), "a\u03a3 a".lower())

# Spot checks: ligatures, ß and ẞ, titlecase digraphs, dotted İ, final sigma,
# iota subscripts, Cherokee, Georgian Mtavruli, characters added to Unicode
# after 14.0 (U+1C89, U+A7CB, U+10D50 and ƛ's uppercase U+A7DC, unknown to 3.11).
for s in ["Straße", "ẞ", "ﬁ ﬂ ﬃ ǰ", "ǅ ǆ Ǆ", "İstanbul", "ΣΑΣ ΟΔΟΣ. Σ", "ᾳ ᾼ ᾀ", "ᏸ Ꭰ ꭰ",
          "ა ბ Ა", "ŉ", "ΐ", "ꟀꟁⱯ", "\u1c89\u1c8a \ua7cb\ua7cc \U00010d50 \u019b\ua7dc",
          "ʼΣA", "Α'Σ'Β", "A\u0301Σ\u0301", "o'neil x2y 中a ǆungla"]:
    print(repr(s), [f(s) for f in ops], s.istitle(), s.isupper(), s.islower())
