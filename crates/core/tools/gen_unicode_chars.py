#!/usr/bin/env python3
"""Generates crates/core/src/unicode_chars/tables.rs, loopscope's Unicode case
tables and character classes, from CPython's own str methods, so that
loopscope's str.upper, lower, casefold, swapcase, title and capitalize, its
str.is* tests and its identifiers do what Python 3.11 (Unicode 14) does.

Regenerate (with Python 3.11, whose unicodedata is Unicode 14.0.0), from the
repository's root:

    python3 crates/core/tools/gen_unicode_chars.py

It writes the file, runs rustfmt on it, and first checks, for every code point,
that the tables read the way unicode_chars.rs reads them give back exactly what
CPython gives (see `check`), so a mistake here fails here.

What the tables hold (unicode_chars.rs reads them):
- LOWER, UPPER: the characters that str.lower / str.upper change, one
  character at a time (the final sigma aside, which is context).
- TITLE: where a character's titlecase differs from its uppercase (ǆ → ǅ).
- FOLD: where casefold differs from the rule "the lowercase of the uppercase
  when the uppercase is several characters (ß → SS → ss), else the lowercase".
- CASED, CASE_IGNORABLE: the two properties that title() (a letter after a
  cased character is lowercased) and lower()'s final sigma look at; TITLECASE:
  the titlecase letters (category Lt), which swapcase leaves alone;
  UNMAPPED_UPPER: the uppercase characters that lower() leaves alone (ℋ, 𝐀),
  which with the others tell str.isupper's and str.islower's cases: a cased
  character is titlecase, or uppercase if lower() changes it or it is one of
  these, else lowercase.
- ALPHA, NUMERIC, SPACE: the characters of str.isalpha, str.isnumeric and
  str.isspace (str.isalnum is the first two together). SPACE is also what
  str.split() splits at and str.strip() strips.
- Identifiers (str.isidentifier, and the names the tokenizer reads) start with
  a letter of ALPHA that is not in ID_START_LESS, or a character of
  ID_START_MORE (the underscore, letter numbers such as Roman numerals…), and
  go on with those or ID_CONTINUE_MORE (digits, combining marks…).

A Table is one sorted list of entries, each a key and a value. Most entries
are runs: a start, a span and a stride (1, or 2 for alternating pairs such as
Ā ā Ă ă) whose characters all move by the same delta, the value. The others
map one character to several, whose UTF-8 is a slice of the table's pool: the
value packs byte offset << 4 | byte length. A key packs start << 10 |
span << 2 | (stride == 2) << 1 | (maps to several). Past a table's limit no
character has a mapping.

A RangeSet is a sorted list of boundaries (starts and ends, exclusive, so a
character is inside when an odd number of boundaries are at or below it),
stored as their low 16 bits, with `planes[p]` the number of boundaries in the
planes before plane p.
"""

import os
import subprocess
import sys
import unicodedata
from bisect import bisect_right

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "unicode_chars", "tables.rs")
SIGMA, FINAL_SIGMA = "\u03a3", "\u03c2"
CODE_POINTS = [cp for cp in range(0x110000) if not 0xD800 <= cp < 0xE000]

# ---- what CPython does, one character at a time ----


def is_cased(c):
    # title() lowercases a letter after a cased character.
    return (c + "a").title()[-1] == "a"


def is_case_ignorable(c):
    # lower()'s final sigma: "AcΣ " ends in ς when c is cased or
    # case-ignorable (skipped, so A counts); " cΣ " when c is cased and not
    # case-ignorable.
    after_a = ("A" + c + SIGMA + " ").lower()[-2] == FINAL_SIGMA
    alone = (" " + c + SIGMA + " ").lower()[-2] == FINAL_SIGMA
    return after_a and not alone


def build():
    lower, upper, title, fold = {}, {}, {}, {}
    for cp in CODE_POINTS:
        c = chr(cp)
        lower[cp], upper[cp], title[cp], fold[cp] = c.lower(), c.upper(), c.title(), c.casefold()
    tables = {}
    tables["LOWER"] = {cp: m for cp, m in lower.items() if m != chr(cp)}
    tables["UPPER"] = {cp: m for cp, m in upper.items() if m != chr(cp)}
    tables["TITLE"] = {cp: m for cp, m in title.items() if m != upper[cp]}
    tables["FOLD"] = {cp: m for cp, m in fold.items() if m != fold_rule(cp, tables)}
    sets = {
        "CASED": [cp for cp in CODE_POINTS if is_cased(chr(cp))],
        "CASE_IGNORABLE": [cp for cp in CODE_POINTS if is_case_ignorable(chr(cp))],
        "TITLECASE": [cp for cp in CODE_POINTS if unicodedata.category(chr(cp)) == "Lt"],
        "UNMAPPED_UPPER": [cp for cp in CODE_POINTS if chr(cp).isupper() and cp not in tables["LOWER"]],
        "ALPHA": [cp for cp in CODE_POINTS if chr(cp).isalpha()],
        "NUMERIC": [cp for cp in CODE_POINTS if chr(cp).isnumeric()],
        "SPACE": [cp for cp in CODE_POINTS if chr(cp).isspace()],
        "ID_START_LESS": [cp for cp in CODE_POINTS if chr(cp).isalpha() and not is_id_start(chr(cp))],
        "ID_START_MORE": [cp for cp in CODE_POINTS if is_id_start(chr(cp)) and not chr(cp).isalpha()],
        "ID_CONTINUE_MORE": [cp for cp in CODE_POINTS if is_id_continue(chr(cp)) and not is_id_start(chr(cp))],
    }
    return tables, sets


def is_id_start(c):
    return c.isidentifier()


def is_id_continue(c):
    return ("a" + c).isidentifier()


def fold_rule(cp, tables):
    up = tables["UPPER"].get(cp)
    if up is not None and len(up) > 1:
        return "".join(tables["LOWER"].get(ord(u), u) for u in up)
    return tables["LOWER"].get(cp, chr(cp))


# ---- encoding ----


def runs(single, mapped):
    """Runs of (start, span, stride, delta) over {code point: code point},
    with no other mapped code point inside a run's span."""
    out = []
    for cp in sorted(single):
        delta = single[cp] - cp
        if out:
            start, span, stride, d = out[-1]
            gap = cp - (start + span)
            alternate = gap == 2 and (span == 0 or stride == 2) and cp - 1 not in mapped
            if d == delta and (gap == 1 == stride or alternate) and span + gap <= 255:
                out[-1] = (start, span + gap, gap, d)
                continue
        out.append((cp, 0, 1, delta))
    return out


def encode_table(mapping):
    single = {cp: ord(m) for cp, m in mapping.items() if len(m) == 1}
    entries = [(start, span << 2 | (stride == 2) << 1, delta) for start, span, stride, delta in runs(single, mapping)]
    pool = b""
    for cp in sorted(cp for cp, m in mapping.items() if len(m) > 1):
        raw = mapping[cp].encode()
        assert len(pool) < 1 << 27 and len(raw) < 1 << 4
        entries.append((cp, 1, len(pool) << 4 | len(raw)))
        pool += raw
    entries.sort()
    keys = [start << 10 | bits for start, bits, _ in entries]
    values = [value for *_, value in entries]
    assert max(keys) < 1 << 31 and all(-(1 << 31) <= v < 1 << 31 for v in values)
    return keys, values, pool.decode(), max(mapping) + 1


def encode_set(cps):
    bounds = []
    for cp in cps:
        if bounds and bounds[-1] == cp:
            bounds[-1] = cp + 1
        else:
            bounds += [cp, cp + 1]
    last_plane = bounds[-1] >> 16
    planes = [sum(1 for b in bounds if b >> 16 < p) for p in range(last_plane + 2)]
    return planes, [b & 0xFFFF for b in bounds]


# ---- decoding, as unicode_chars.rs does it ----


def lookup(enc, cp, starts=None):
    """A character's mapping, or None; `starts` (the keys' starts) speeds it up."""
    keys, values, pool, limit = enc
    if cp >= limit:
        return None
    if starts is None:
        i = sum(1 for k in keys if k >> 10 <= cp)
    else:
        i = bisect_right(starts, cp)
    if i == 0:
        return None
    key, value = keys[i - 1], values[i - 1]
    offset, span = cp - (key >> 10), key >> 2 & 0xFF
    if key & 1:
        return pool.encode()[value >> 4:(value >> 4) + (value & 0xF)].decode() if offset == 0 else None
    if offset > span or (key & 2 and offset % 2):
        return None
    return chr(cp + value)


def contains(enc, cp):
    planes, bounds = enc
    p = cp >> 16
    if p + 1 >= len(planes):
        return False
    lo, hi = planes[p], planes[p + 1]
    return (lo + sum(1 for b in bounds[lo:hi] if b <= cp & 0xFFFF)) % 2 == 1


def check(enc_tables, enc_sets):
    """Every code point, decoded as unicode_chars.rs decodes, against CPython."""
    def lookup_fn(name):
        starts = [k >> 10 for k in enc_tables[name][0]]
        return lambda cp: lookup(enc_tables[name], cp, starts)

    lower_t, upper_t, title_t, fold_t = (lookup_fn(n) for n in ("LOWER", "UPPER", "TITLE", "FOLD"))
    sets = {n: {cp for cp in CODE_POINTS if contains(e, cp)} for n, e in enc_sets.items()}
    for cp in CODE_POINTS:
        c = chr(cp)
        lower = lower_t(cp) or c
        upper = upper_t(cp) or c
        title = title_t(cp) or upper
        fold = fold_t(cp)
        if fold is None:
            up = upper_t(cp)
            fold = "".join(lower_t(ord(u)) or u for u in up) if up and len(up) > 1 else lower
        # swapcase: titlecase letters stay, else lowercase if that changes, else uppercase.
        swap = c if cp in sets["TITLECASE"] else (lower if lower != c else upper)
        cased, titlecase = cp in sets["CASED"], cp in sets["TITLECASE"]
        is_upper = cased and not titlecase and (lower != c or cp in sets["UNMAPPED_UPPER"])
        is_lower = cased and not titlecase and not is_upper
        got = (lower, upper, title, fold, swap, cased, cp in sets["CASE_IGNORABLE"], is_upper, is_lower, cased and titlecase)
        want = (c.lower(), c.upper(), c.title(), c.casefold(), c.swapcase(), is_cased(c), is_case_ignorable(c))
        want += (c.isupper(), c.islower(), unicodedata.category(c) == "Lt")
        assert got == want, (hex(cp), got, want)
        # The character classes, read as unicode_chars.rs reads them.
        alpha, numeric = cp in sets["ALPHA"], cp in sets["NUMERIC"]
        id_start = alpha and cp not in sets["ID_START_LESS"] or cp in sets["ID_START_MORE"]
        id_continue = id_start or cp in sets["ID_CONTINUE_MORE"]
        got = (alpha, numeric, alpha or numeric, cp in sets["SPACE"], id_start, id_continue)
        want = (c.isalpha(), c.isnumeric(), c.isalnum(), c.isspace(), is_id_start(c), is_id_continue(c))
        assert got == want, (hex(cp), got, want)
        # The ASCII shortcuts in unicode_chars.rs.
        if cp < 0x80:
            assert title == upper == c.upper() and fold == lower and len(upper) == 1
        assert cp == 0x20 or " " not in lower + upper + title + fold
        if cp < 0x80:
            assert (alpha, numeric) == (c.isascii() and c.isalpha(), c.isdigit())
            assert id_start == (alpha or c == "_") and id_continue == (id_start or numeric)
            assert (cp in sets["SPACE"]) == (c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ")
    # The check above used lookup() with bisect; make sure the plain reading agrees.
    for cp in list(range(0x250)) + [0x1E9E, 0x10D0, 0x1F80, 0xAB70]:
        assert lookup(enc_tables["UPPER"], cp) == upper_t(cp)


# ---- output ----


def rust_str(s):
    """A string literal, in lines of about 80 columns (a backslash at the end
    of a line skips the line break and the next line's indent; the pools hold
    no spaces)."""
    assert " " not in s
    pieces = [c if 0x20 < ord(c) < 0x7F and c not in '"\\' else "\\u{%x}" % ord(c) for c in s]
    lines, line = [], ""
    for p in pieces:
        if len(line) + len(p) > 80:
            lines.append(line)
            line = ""
        line += p
    return '"' + "\\\n        ".join(lines + [line]) + '"'


def rust_array(values, fmt):
    return "&[" + ", ".join(fmt(v) for v in values) + "]"


def main():
    assert sys.version_info[:2] == (3, 11) and unicodedata.unidata_version == "14.0.0", "run with Python 3.11"
    tables, sets = build()
    enc_tables = {n: encode_table(m) for n, m in tables.items()}
    enc_sets = {n: encode_set(cps) for n, cps in sets.items()}
    check(enc_tables, enc_sets)
    docs = {
        "LOWER": "What `str.lower` makes of each character it changes (the final sigma aside).",
        "UPPER": "What `str.upper` makes of each character it changes.",
        "TITLE": "Where a character's titlecase is not its uppercase.",
        "FOLD": "Where `str.casefold` is not the lowercase of the uppercase (when that is several\n/// characters) or else the lowercase.",
        "CASED": "Cased characters (lowercase, uppercase or titlecase).",
        "CASE_IGNORABLE": "Case-ignorable characters (marks, modifiers, apostrophes, …), which the final\n/// sigma rule skips.",
        "TITLECASE": "Titlecase letters (category Lt), such as `ǅ`.",
        "UNMAPPED_UPPER": "Uppercase characters that `str.lower` leaves alone, such as `ℋ`.",
        "ALPHA": "Letters, as `str.isalpha` sees them (categories Lu, Ll, Lt, Lm and Lo).",
        "NUMERIC": "Characters with a numeric value, as `str.isnumeric` sees them (`5`, `½`, `Ⅻ`, `五`).",
        "SPACE": "Whitespace, as `str.isspace` sees it.",
        "ID_START_LESS": "Letters that cannot start an identifier (`ͺ`, `ำ`).",
        "ID_START_MORE": "Characters other than letters that can start an identifier (`_`, `Ⅻ`).",
        "ID_CONTINUE_MORE": "Characters that can go on an identifier but not start it (digits, combining\n/// marks).",
    }
    lines = [
        "//! Generated by `crates/core/tools/gen_unicode_chars.py` from CPython 3.11's",
        "//! own str methods (Unicode %s); do not edit. The script's docstring" % unicodedata.unidata_version,
        "//! describes the encoding.",
        "",
        "use super::{RangeSet, Table};",
    ]
    for name, (keys, values, pool, limit) in enc_tables.items():
        lines += [
            "",
            "/// " + docs[name],
            "pub(super) static %s: Table = Table {" % name,
            "    keys: %s," % rust_array(keys, hex),
            "    values: %s," % rust_array(values, str),
            "    pool: %s," % rust_str(pool),
            "    limit: %s," % hex(limit),
            "};",
        ]
    for name, (planes, bounds) in enc_sets.items():
        lines += [
            "",
            "/// " + docs[name],
            "pub(super) static %s: RangeSet = RangeSet {" % name,
            "    planes: %s," % rust_array(planes, str),
            "    bounds: %s," % rust_array(bounds, hex),
            "};",
        ]
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["rustfmt", "--edition", "2021", OUT], check=True)
    for name, (keys, values, pool, limit) in enc_tables.items():
        print(name, len(keys), "entries,", len(pool.encode()), "pool bytes", file=sys.stderr)
    for name, (planes, bounds) in enc_sets.items():
        print(name, len(bounds), "bounds", file=sys.stderr)


if __name__ == "__main__":
    main()
