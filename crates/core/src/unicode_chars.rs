//! Python 3.11's view of characters, as Unicode 14 has them: the case
//! conversions and case tests (`str.upper`, `lower`, `casefold`, `swapcase`,
//! `title`, `capitalize`, `isupper`, `islower`, `istitle`), the character
//! classes (`str.isalpha`, `isnumeric`, `isalnum`, `isspace`, whitespace for
//! `split` and `strip`) and what may make an identifier. They read
//! loopscope's own tables, generated from CPython by
//! `crates/core/tools/gen_unicode_chars.py`, not Rust's `char` methods, which
//! follow a later Unicode and other definitions (Rust's "alphabetic" takes in
//! combining marks and Roman numerals, its "numeric" leaves out `五`, its
//! whitespace leaves out `\x1c`–`\x1f`) and whose tables would weigh more in
//! the page's download.

mod tables;

/// Characters whose case mapping moves them by a fixed delta, as runs, and
/// characters that map to several characters; see the generator's docstring.
struct Table {
    /// `start << 10 | span << 2 | (stride == 2) << 1 | (maps to several)`,
    /// sorted by start.
    keys: &'static [u32],
    /// A run's delta, or `byte offset << 4 | byte length` in `pool`.
    values: &'static [i32],
    pool: &'static str,
    /// No character from here on has a mapping.
    limit: u32,
}

/// A character's mapping, when a table has one.
#[derive(Clone, Copy)]
enum Mapped {
    One(char),
    Many(&'static str),
}

impl Table {
    fn get(&self, c: char) -> Option<Mapped> {
        let cp = c as u32;
        if cp >= self.limit {
            return None;
        }
        let i = self
            .keys
            .partition_point(|&k| k >> 10 <= cp)
            .checked_sub(1)?;
        let (key, value) = (self.keys[i], *self.values.get(i)?);
        let (offset, span) = (cp - (key >> 10), key >> 2 & 0xFF);
        if key & 1 == 1 {
            let start = (value >> 4) as usize;
            let many = self.pool.get(start..start + (value & 0xF) as usize)?;
            return (offset == 0).then_some(Mapped::Many(many));
        }
        if offset > span || (key & 2 == 2 && offset % 2 == 1) {
            return None;
        }
        char::from_u32(cp.wrapping_add_signed(value)).map(Mapped::One)
    }

    /// The mapping of `c` when it is several characters.
    fn get_many(&self, c: char) -> Option<&'static str> {
        match self.get(c) {
            Some(Mapped::Many(s)) => Some(s),
            _ => None,
        }
    }
}

/// A set of characters as the sorted boundaries of its ranges; see the
/// generator's docstring.
struct RangeSet {
    /// How many boundaries lie in the planes before each plane.
    planes: &'static [u16],
    /// The boundaries' low 16 bits.
    bounds: &'static [u16],
}

impl RangeSet {
    fn contains(&self, c: char) -> bool {
        let cp = c as u32;
        let plane = (cp >> 16) as usize;
        let (Some(&lo), Some(&hi)) = (self.planes.get(plane), self.planes.get(plane + 1)) else {
            return false;
        };
        let within = self.bounds.get(lo as usize..hi as usize).unwrap_or(&[]);
        let low = (cp & 0xFFFF) as u16;
        (lo as usize + within.partition_point(|&b| b <= low)) % 2 == 1
    }
}

fn push(out: &mut String, m: Mapped) {
    match m {
        Mapped::One(c) => out.push(c),
        Mapped::Many(s) => out.push_str(s),
    }
}

/// The uppercase of one character, appended to `out`.
fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push(out, tables::UPPER.get(c).unwrap_or(Mapped::One(c)));
    }
}

/// The lowercase of one character out of context (a sigma is `σ`).
fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push(out, tables::LOWER.get(c).unwrap_or(Mapped::One(c)));
    }
}

/// The titlecase of one character, appended to `out`.
fn push_title(out: &mut String, c: char) {
    match tables::TITLE.get(c) {
        Some(m) => push(out, m),
        None => push_upper(out, c),
    }
}

/// The case folding of one character, appended to `out`: the lowercase of
/// its uppercase when that is several characters (`ß` → `SS` → `ss`), else
/// its lowercase, but for the exceptions of the FOLD table.
fn push_fold(out: &mut String, c: char) {
    if let Some(m) = tables::FOLD.get(c) {
        push(out, m);
    } else if let Some(upper) = tables::UPPER.get_many(c) {
        upper.chars().for_each(|u| push_lower(out, u));
    } else {
        push_lower(out, c);
    }
}

const CAPITAL_SIGMA: char = '\u{3a3}';

/// Lowercase `c`, found at byte `i` of `s`, appended to `out`: a capital
/// sigma that ends a word becomes the final sigma `ς`. It does when, skipping
/// case-ignorable characters, a cased character comes before it and none
/// after it (Unicode's Final_Sigma, which CPython's `lower_ucs4` applies).
fn push_lower_at(out: &mut String, s: &str, i: usize, c: char) {
    if c == CAPITAL_SIGMA {
        out.push(if final_sigma(s, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
    } else {
        push_lower(out, c);
    }
}

/// Whether the capital sigma at byte `i` of `s` ends a word.
fn final_sigma(s: &str, i: usize) -> bool {
    fn cased_next(mut it: impl Iterator<Item = char>) -> bool {
        it.find(|&n| !is_case_ignorable(n)).is_some_and(is_cased)
    }
    let before = s.get(..i).unwrap_or("").chars().rev();
    let after = s.get(i + CAPITAL_SIGMA.len_utf8()..).unwrap_or("").chars();
    cased_next(before) && !cased_next(after)
}

/// `str.upper`.
pub(crate) fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(&mut out, c));
    out
}

/// `str.lower`.
pub(crate) fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower_at(&mut out, s, i, c);
    }
    out
}

/// `str.casefold`.
pub(crate) fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_fold(&mut out, c));
    out
}

/// `str.swapcase`: uppercase characters lowercased (with the final sigma),
/// lowercase ones uppercased, titlecase letters such as `ǅ` left alone.
pub(crate) fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            out.push(if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
        } else if is_titlecase(c) {
            out.push(c);
        } else if tables::LOWER.get(c).is_some() {
            push_lower_at(&mut out, s, i, c);
        } else {
            push_upper(&mut out, c);
        }
    }
    out
}

/// `str.title`: each character after a cased one lowercased, every other
/// titlecased.
pub(crate) fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_cased = false;
    for (i, c) in s.char_indices() {
        if after_cased {
            push_lower_at(&mut out, s, i, c);
        } else {
            push_title(&mut out, c);
        }
        after_cased = is_cased(c);
    }
    out
}

/// `str.capitalize`: the first character titlecased, the rest lowercased.
pub(crate) fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, s, i, c);
        }
    }
    out
}

/// A cased character: lowercase, uppercase or titlecase.
fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        tables::CASED.contains(c)
    }
}

/// A character the final sigma rule looks through: a mark, a modifier, an
/// apostrophe, a full stop, a colon…
fn is_case_ignorable(c: char) -> bool {
    tables::CASE_IGNORABLE.contains(c)
}

/// A titlecase letter such as `ǅ`: cased, neither upper nor lower.
fn is_titlecase(c: char) -> bool {
    tables::TITLECASE.contains(c)
}

/// `str.isalpha` for one character: a letter.
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        tables::ALPHA.contains(c)
    }
}

/// `str.isnumeric` for one character: it has a numeric value.
pub(crate) fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        tables::NUMERIC.contains(c)
    }
}

/// `str.isalnum` for one character.
pub(crate) fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isspace` for one character: what `str.split()` splits at and
/// `str.strip()` strips.
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..=' ')
    } else {
        tables::SPACE.contains(c)
    }
}

/// A character that may start an identifier.
pub(crate) fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphabetic()
    } else {
        (tables::ALPHA.contains(c) && !tables::ID_START_LESS.contains(c))
            || tables::ID_START_MORE.contains(c)
    }
}

/// A character that may go on an identifier after its first.
pub(crate) fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphanumeric()
    } else {
        is_id_start(c) || tables::ID_CONTINUE_MORE.contains(c)
    }
}

/// `str.isidentifier`.
pub(crate) fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_id_start) && chars.all(is_id_continue)
}

/// A character's case, as `str.isupper`, `islower` and `istitle` see it.
enum Case {
    Upper,
    Lower,
    Title,
    Uncased,
}

/// The case of a character: a cased character that is not titlecase is
/// uppercase if `lower` changes it, or if it is one of the few uppercase
/// characters without a lowercase (`ℋ`, `𝐀`), else lowercase.
fn case_of(c: char) -> Case {
    if c.is_ascii() {
        return match c {
            'A'..='Z' => Case::Upper,
            'a'..='z' => Case::Lower,
            _ => Case::Uncased,
        };
    }
    if !tables::CASED.contains(c) {
        Case::Uncased
    } else if is_titlecase(c) {
        Case::Title
    } else if tables::LOWER.get(c).is_some() || tables::UNMAPPED_UPPER.contains(c) {
        Case::Upper
    } else {
        Case::Lower
    }
}

/// `str.isupper`: a character is uppercase, none lowercase or titlecase.
pub(crate) fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        match case_of(c) {
            Case::Upper => cased = true,
            Case::Lower | Case::Title => return false,
            Case::Uncased => {}
        }
    }
    cased
}

/// `str.islower`: a character is lowercase, none uppercase or titlecase.
pub(crate) fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        match case_of(c) {
            Case::Lower => cased = true,
            Case::Upper | Case::Title => return false,
            Case::Uncased => {}
        }
    }
    cased
}

/// `str.istitle`: uppercase and titlecase characters only after uncased
/// ones, lowercase ones only after cased ones, and at least one cased.
pub(crate) fn istitle(s: &str) -> bool {
    let (mut cased, mut after_cased) = (false, false);
    for c in s.chars() {
        match case_of(c) {
            Case::Upper | Case::Title if after_cased => return false,
            Case::Lower if !after_cased => return false,
            Case::Uncased => after_cased = false,
            _ => (cased, after_cased) = (true, true),
        }
    }
    cased
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(f: fn(&mut String, char), c: char) -> String {
        let mut out = String::new();
        f(&mut out, c);
        out
    }

    /// Rust's own mappings follow a later Unicode than Python 3.11's: they
    /// may differ only where ours leave the character alone and either the
    /// character (U+1C89, assigned since) or Rust's mapping of it (ƛ's new
    /// uppercase U+A7DC) is not cased in Unicode 14.
    #[test]
    fn upper_and_lower_agree_with_rust_but_for_newer_characters() {
        let mut differ = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let (up, low) = (one(push_upper, c), one(push_lower, c));
            let rust_up: String = c.to_uppercase().collect();
            let rust_low: String = c.to_lowercase().collect();
            for (ours, rust) in [(&up, &rust_up), (&low, &rust_low)] {
                if ours != rust {
                    let newer = !is_cased(c) || !rust.chars().any(is_cased);
                    assert!(
                        *ours == c.to_string() && newer,
                        "{c:?} (U+{:04X}): ours {ours:?}, Rust's {rust:?}",
                        c as u32
                    );
                    differ.push(c);
                }
            }
        }
        assert!(differ.contains(&'\u{1c89}') && differ.contains(&'\u{19b}'));
        assert!(differ.len() < 200, "{} differ: {differ:?}", differ.len());
    }

    /// Python's classes against Rust's: Rust's "alphabetic" takes in every
    /// letter (and more); its whitespace is Python's but for U+001C–U+001F;
    /// its "numeric" characters (categories Nd, Nl, No) all have a numeric
    /// value in Python, but for characters assigned after Unicode 14.
    #[test]
    fn classes_agree_with_rust_where_the_definitions_meet() {
        let mut newer = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(!is_alpha(c) || c.is_alphabetic(), "{c:?}");
            assert_eq!(
                is_space(c),
                c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
            );
            if c.is_numeric() && !is_numeric(c) {
                newer += 1;
            }
            assert_eq!(is_alnum(c), is_alpha(c) || is_numeric(c));
            assert!(!is_id_start(c) || is_id_continue(c), "{c:?}");
        }
        assert!(newer < 200, "{newer}");
        // Python 3.11 (the oracle): Ⅻ is a number, not a letter, but starts a
        // name; 五 is both; U+0345 (a combining mark) is neither; ǅ is a letter.
        let classes = |c| {
            (
                is_alpha(c),
                is_numeric(c),
                is_space(c),
                is_id_start(c),
                is_id_continue(c),
            )
        };
        assert_eq!(classes('Ⅻ'), (false, true, false, true, true));
        assert_eq!(classes('五'), (true, true, false, true, true));
        assert_eq!(classes('\u{345}'), (false, false, false, false, true));
        assert_eq!(classes('ǅ'), (true, false, false, true, true));
        assert_eq!(classes('١'), (false, true, false, false, true));
        assert_eq!(classes('\u{3000}'), (false, false, true, false, false));
        assert!(isidentifier("x١") && !isidentifier("١x") && !isidentifier(""));
    }

    #[test]
    fn whole_strings() {
        assert_eq!(upper("Straße ﬁ ŉ ǰ"), "STRASSE FI ʼN J\u{30c}");
        assert_eq!(lower("İSTANBUL"), "i\u{307}stanbul");
        assert_eq!(casefold("Stra\u{df}e ẞ ﬁ µ ſ ꭰ Ꭰ"), "strasse ss fi μ s Ꭰ Ꭰ");
        assert_eq!(swapcase("ǅemal Σ ABΣ aBΣ!"), "ǅEMAL σ abς Abς!");
        assert_eq!(
            title("ǆungla o'neil x2y ﬁsh 中a"),
            "ǅungla O'Neil X2Y Fish 中A"
        );
        assert_eq!(capitalize("ǆEMAL ΟΔΟΣ"), "ǅemal οδος");
        assert_eq!(capitalize(""), "");
        assert_eq!(upper("ა"), "Ა");
        assert_eq!(title("ა"), "ა");
    }

    #[test]
    fn final_sigma_skips_case_ignorable_characters() {
        assert_eq!(lower("ΟΔΟΣ"), "οδος");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("AΣ.B"), "aσ.b");
        assert_eq!(lower("AΣ."), "aς.");
        assert_eq!(lower("A'Σ"), "a'ς");
        assert_eq!(lower("'Σ"), "'σ");
        assert_eq!(lower("A\u{301}Σ\u{301}"), "a\u{301}ς\u{301}");
    }

    #[test]
    fn sets() {
        assert!(is_cased('ʰ') && is_case_ignorable('ʰ'));
        assert!(is_cased('\u{1f130}') && !is_cased('\u{1c89}') && !is_cased('中'));
        assert!(is_case_ignorable('\u{e0001}') && !is_case_ignorable('\u{e0002}'));
        assert!(is_titlecase('\u{1c5}') && !is_titlecase('A') && is_titlecase('\u{1ffc}'));
        assert!(isupper("ℋ𝐀Σ1") && !isupper("ℋ𝐀σ") && !isupper("ǅ") && !isupper("1"));
        assert!(islower("ʕªß1") && !islower("ʕΣ") && !islower("ᾳᾼ") && !islower("\u{1c8a}"));
        assert!(istitle("ǅemal Σας") && !istitle("ǅEmal") && istitle("Ǆemal") && !istitle(""));
    }
}
