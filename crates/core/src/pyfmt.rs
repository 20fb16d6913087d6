//! Python 3.11-exact text formatting: `repr` of floats and strings, the format-spec
//! mini-language, `round`, `float()`/`int()` string parsing and `str.format` templates.

mod big;
mod dec2f64;
mod f64dec;
mod float;
mod parse;
mod spec;
mod template;
mod unicode;

// Not every consumer uses every helper yet; the re-exports are the module's API.
pub(crate) use dec2f64::parse_decimal;
pub use f64dec::{format_f64, format_fixed};
#[allow(unused_imports)]
pub(crate) use float::{
    float_repr, format_float, round_float, round_half_even, FloatToIntError, RoundError,
};
#[allow(unused_imports)]
pub(crate) use parse::{float_parse_error, int_parse_error, parse_float, parse_int, ParseIntError};
#[allow(unused_imports)]
pub(crate) use spec::{format_bool, format_int, format_str, parse_spec, FormatSpec};
#[allow(unused_imports)]
pub(crate) use template::{parse_format_string, FieldAccessor, FieldArg, FormatField, FormatPiece};

/// The decimal digits of `n` at the end of `buf` (room for 20 at least);
/// returns where they start. Ints are written this way, without the
/// formatting machinery: a gather of 10,000 names and returns 10,000 of them.
fn write_digits(buf: &mut [u8], n: u64) -> usize {
    let mut at = buf.len();
    let mut n = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return at;
        }
    }
}

/// The decimal digits of `n`, appended to `out` char by char (a `&str` of
/// them would be checked as UTF-8 first): ints' reprs and task names.
pub(crate) fn push_digits(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    let at = write_digits(&mut buf, n);
    out.extend(
        buf.get(at..)
            .unwrap_or_default()
            .iter()
            .map(|&d| char::from(d)),
    );
}

/// `repr` of an int, appended to `out`.
pub(crate) fn push_int(out: &mut String, i: i64) {
    if i < 0 {
        out.push('-');
    }
    push_digits(out, i.unsigned_abs());
}

/// Whether CPython's `str.isprintable()` holds for this one character.
pub(crate) fn is_printable(c: char) -> bool {
    let cp = c as u32;
    // Printable ASCII is by far the common case, so it skips the table search.
    if (0x20..0x7f).contains(&cp) {
        return true;
    }
    let table = unicode::NON_PRINTABLE;
    let idx = table.partition_point(|&(_, hi)| hi < cp);
    !matches!(table.get(idx), Some(&(lo, hi)) if lo <= cp && cp <= hi)
}

/// CPython's `repr(str)`.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// CPython's `ascii(str)`: like `repr` but every non-ASCII character is escaped.
pub(crate) fn str_ascii(s: &str) -> String {
    let r = str_repr(s);
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

fn push_escape(out: &mut String, c: char) {
    let cp = c as u32;
    if cp < 0x100 {
        out.push_str(&format!("\\x{cp:02x}"));
    } else if cp < 0x10000 {
        out.push_str(&format!("\\u{cp:04x}"));
    } else {
        out.push_str(&format!("\\U{cp:08x}"));
    }
}

#[cfg(test)]
mod cases;
#[cfg(test)]
mod tests;
