//! String to number as CPython's `float(str)` and `int(str, base)` constructors parse it.

use super::{parse_decimal, str_repr};

/// The whitespace `int(str)` and `float(str)` strip: `str.isspace`'s but for
/// the separators U+001C to U+001F (CPython turns non-ASCII whitespace into
/// spaces, then strips C's ASCII whitespace, which has no separators).
fn is_number_space(c: char) -> bool {
    crate::unicode_chars::is_space(c) && !('\x1c'..='\x1f').contains(&c)
}

/// Removes underscores that sit between two digits (per `is_digit`); any other underscore
/// makes the literal invalid, as in CPython's `_Py_string_to_number_with_underscores`.
fn strip_underscores(s: &str, is_digit: impl Fn(char) -> bool) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let prev_ok = i > 0 && is_digit(chars[i - 1]);
            let next_ok = chars.get(i + 1).is_some_and(|&n| is_digit(n));
            if !(prev_ok && next_ok) {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// CPython's `float(s)` for a str; `None` means ValueError (see [`float_parse_error`]).
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let ascii = crate::unicode_digits::ascii_digits(s);
    let s = ascii.as_ref();
    let t = s.trim_matches(is_number_space);
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    let clean = strip_underscores(body, |c| c.is_ascii_digit())?;
    // digits [. digits] [e [sign] digits], with at least one mantissa digit.
    let v = parse_decimal(&clean)?;
    Some(if negative { -v } else { v })
}

/// CPython's ValueError message for a failed `float(s)`.
pub(crate) fn float_parse_error(s: &str) -> String {
    format!("could not convert string to float: {}", str_repr(s))
}

/// Why `int(s, base)` failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParseIntError {
    /// ValueError: not a valid literal (message from [`int_parse_error`]).
    Invalid,
    /// A valid literal whose value does not fit an i64 (CPython would return a big int;
    /// loopscope raises OverflowError).
    Overflow,
    /// ValueError("int() base must be >= 2 and <= 36, or 0").
    InvalidBase,
}

impl ParseIntError {
    /// The message of the Python exception for input `s` in `base`.
    pub(crate) fn message(self, s: &str, base: u32) -> String {
        match self {
            ParseIntError::Invalid => int_parse_error(s, base),
            ParseIntError::Overflow => "int too large to convert to a 64-bit integer".to_string(),
            ParseIntError::InvalidBase => "int() base must be >= 2 and <= 36, or 0".to_string(),
        }
    }
}

/// CPython's ValueError message for a failed `int(s, base)` (the repr is cut at 200 chars).
pub(crate) fn int_parse_error(s: &str, base: u32) -> String {
    let r: String = str_repr(s).chars().take(200).collect();
    format!("invalid literal for int() with base {base}: {r}")
}

/// CPython's `int(s, base)` for a str.
pub(crate) fn parse_int(s: &str, base: u32) -> Result<i64, ParseIntError> {
    if base == 1 || base > 36 {
        return Err(ParseIntError::InvalidBase);
    }
    let ascii = crate::unicode_digits::ascii_digits(s);
    let s = ascii.as_ref();
    let t = s.trim_matches(is_number_space);
    let (negative, mut body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let prefix_base = match body.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let mut base = base;
    let mut had_prefix = false;
    if base == 0 {
        if let Some(b) = prefix_base {
            base = b;
            had_prefix = true;
        } else {
            base = 10;
            // Base 0 forbids leading zeros on a non-zero decimal literal.
            if body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_') {
                return Err(ParseIntError::Invalid);
            }
        }
    } else if prefix_base == Some(base) {
        had_prefix = true;
    }
    if had_prefix {
        body = &body[2..];
        // One underscore may directly follow the prefix.
        if let Some(rest) = body.strip_prefix('_') {
            if rest.starts_with(|c: char| c.is_digit(base)) {
                body = rest;
            }
        }
    }
    let clean = strip_underscores(body, |c| c.is_digit(base)).ok_or(ParseIntError::Invalid)?;
    if clean.is_empty() {
        return Err(ParseIntError::Invalid);
    }
    let mut value: i128 = 0;
    let mut overflow = false;
    for c in clean.chars() {
        let d = c.to_digit(base).ok_or(ParseIntError::Invalid)?;
        if !overflow {
            value = value * i128::from(base) + i128::from(d);
            if value > i128::from(i64::MAX) + 1 {
                overflow = true;
            }
        }
    }
    let value = if negative { -value } else { value };
    if overflow {
        return Err(ParseIntError::Overflow);
    }
    i64::try_from(value).map_err(|_| ParseIntError::Overflow)
}
