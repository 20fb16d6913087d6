//! The format-spec mini-language (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`)
//! and its application to ints, bools and strings.

use super::float::format_float_value;

/// Widths and precisions above this are refused so a hostile spec cannot allocate gigabytes.
pub(crate) const MAX_WIDTH: usize = 100_000;

/// A parsed format spec; `ty` already holds the per-type default (`'d'` for ints, `'s'` for
/// strings, `None` for floats), as CPython fills it in while parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FormatSpec {
    pub(crate) fill: char,
    /// Whether `fill` was written explicitly (a leading `0` is then part of the width).
    pub(crate) fill_specified: bool,
    pub(crate) align: Option<char>,
    pub(crate) sign: Option<char>,
    pub(crate) no_neg_0: bool,
    pub(crate) alternate: bool,
    pub(crate) width: usize,
    /// `','` or `'_'`.
    pub(crate) grouping: Option<char>,
    pub(crate) precision: Option<usize>,
    pub(crate) ty: Option<char>,
}

impl FormatSpec {
    /// The alignment to use, given the type's default (`'>'` numbers, `'<'` strings).
    fn align_or(&self, default: char) -> char {
        self.align.unwrap_or(default)
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a run of ASCII digits as CPython's `get_integer` does, refusing overflow with
/// CPython's message. Values above [`MAX_WIDTH`] are refused later, by [`check_limit`], so that
/// CPython's own errors for the rest of the spec win.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut value: u64 = 0;
    let mut overflow = false;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        match value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(d)))
        {
            Some(v) if v <= i64::MAX as u64 => value = v,
            _ => overflow = true,
        }
        *pos += 1;
    }
    if overflow {
        return Err("Too many decimal digits in format string".to_string());
    }
    if *pos == start {
        return Ok(None);
    }
    Ok(Some(usize::try_from(value).unwrap_or(usize::MAX)))
}

/// Refuses a width or precision above [`MAX_WIDTH`] (CPython would build the huge string).
pub(super) fn check_limit(value: usize) -> Result<(), String> {
    if value > MAX_WIDTH {
        return Err(format!(
            "format width or precision {value} is too large (loopscope limit is {MAX_WIDTH})"
        ));
    }
    Ok(())
}

/// Renders a presentation-type character the way CPython's error messages do.
fn type_char_text(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{cp:x}")
    }
}

/// Parses a format spec for an object of Python type `type_name` (`"int"`, `"bool"`,
/// `"float"` or `"str"`; it picks the default type and appears in error messages).
pub(crate) fn parse_spec(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    let default_type = match type_name {
        "int" | "bool" => Some('d'),
        "str" => Some('s'),
        _ => None,
    };
    let chars: Vec<char> = spec.chars().collect();
    let mut out = FormatSpec {
        fill: ' ',
        fill_specified: false,
        align: None,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: default_type,
    };
    let mut pos = 0;
    let at = |i: usize| chars.get(i).copied();
    if chars.len() >= 2 && at(1).is_some_and(is_align) {
        out.fill = chars[0];
        out.fill_specified = true;
        out.align = at(1);
        pos = 2;
    } else if at(0).is_some_and(is_align) {
        out.align = at(0);
        pos = 1;
    }
    if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
        out.sign = Some(c);
        pos += 1;
    }
    if at(pos) == Some('z') {
        out.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        out.alternate = true;
        pos += 1;
    }
    if !out.fill_specified && at(pos) == Some('0') {
        out.fill = '0';
        if out.align.is_none() && default_type != Some('s') {
            out.align = Some('=');
        }
        pos += 1;
    }
    out.width = read_integer(&chars, &mut pos)?.unwrap_or(0);
    if at(pos) == Some(',') {
        out.grouping = Some(',');
        pos += 1;
    }
    if at(pos) == Some('_') {
        if out.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if at(pos) == Some(',') && out.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if at(pos) == Some('.') {
        pos += 1;
        match read_integer(&chars, &mut pos)? {
            Some(p) => out.precision = Some(p),
            None => return Err("Format specifier missing precision".to_string()),
        }
    }
    if chars.len() > pos + 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    if let Some(&c) = chars.get(pos) {
        out.ty = Some(c);
    }
    if let Some(g) = out.grouping {
        match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => {
                return Err(format!(
                    "Cannot specify '{g}' with '{}'.",
                    type_char_text(t)
                ));
            }
        }
    }
    Ok(out)
}

pub(super) fn unknown_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        type_char_text(ty)
    )
}

/// Pads `body` (already measured as `len` characters) to the spec's width.
fn pad(body: &str, len: usize, width: usize, fill: char, align: char) -> String {
    if len >= width {
        return body.to_string();
    }
    let total = width - len;
    let (left, right) = match align {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut out = String::with_capacity(body.len() + total * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Inserts `sep` every `group` digits from the right; when `min_width` is larger than the
/// result, it keeps adding zero digits (and separators) on the left, as CPython does for
/// zero padding with grouping.
fn group_digits(digits: &str, sep: char, group: usize, min_width: usize) -> String {
    let ds: Vec<char> = digits.chars().collect();
    let mut rev: Vec<char> = Vec::with_capacity(ds.len() * 2 + min_width);
    // Digits emitted since the last separator.
    let mut in_group = 0usize;
    let mut i = ds.len();
    while i > 0 || rev.len() < min_width {
        if in_group == group {
            rev.push(sep);
            in_group = 0;
        }
        let d = if i > 0 {
            i -= 1;
            ds[i]
        } else {
            '0'
        };
        rev.push(d);
        in_group += 1;
    }
    rev.iter().rev().collect()
}

/// The pieces of a formatted number, laid out by [`fill_number`].
pub(super) struct NumberParts<'a> {
    pub(super) negative: bool,
    pub(super) prefix: &'a str,
    /// Leading decimal digits that grouping applies to (may be empty, e.g. for `inf`).
    pub(super) digits: &'a str,
    /// Everything after those digits: fraction, exponent, `%`, or `inf`/`nan`.
    pub(super) rest: &'a str,
    /// Separator and group size, if grouping was requested.
    pub(super) grouping: Option<(char, usize)>,
}

/// Sign, padding, grouping and alignment of a number, following CPython's `fill_number`.
pub(super) fn fill_number(spec: &FormatSpec, parts: &NumberParts<'_>) -> String {
    let sign = if parts.negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let align = spec.align_or('>');
    let fixed = sign.chars().count() + parts.prefix.chars().count() + parts.rest.chars().count();
    let digits = match parts.grouping {
        Some((sep, size)) => {
            let min = if spec.fill == '0' && align == '=' {
                spec.width.saturating_sub(fixed)
            } else {
                0
            };
            group_digits(parts.digits, sep, size, min)
        }
        None => parts.digits.to_string(),
    };
    let len = fixed + digits.chars().count();
    if align == '=' {
        let padding = spec.width.saturating_sub(len);
        let mut out = String::with_capacity(len + padding);
        out.push_str(sign);
        out.push_str(parts.prefix);
        out.extend(std::iter::repeat_n(spec.fill, padding));
        out.push_str(&digits);
        out.push_str(parts.rest);
        return out;
    }
    let body = format!("{sign}{}{digits}{}", parts.prefix, parts.rest);
    pad(&body, len, spec.width, spec.fill, align)
}

/// `format(v, spec)` for an int.
pub(crate) fn format_int(v: i64, spec: &str) -> Result<String, String> {
    format_int_as(v, spec, "int")
}

/// `format(v, spec)` for a bool: `str(v)` for an empty spec, otherwise formatted as the int 1/0
/// (with `'bool'` in error messages), as CPython's `int.__format__` does.
pub(crate) fn format_bool(v: bool, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(if v { "True" } else { "False" }.to_string());
    }
    format_int_as(i64::from(v), spec, "bool")
}

fn format_int_as(v: i64, spec_text: &str, type_name: &str) -> Result<String, String> {
    if spec_text.is_empty() {
        return Ok(v.to_string());
    }
    let spec = parse_spec(spec_text, type_name)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_value(v as f64, &spec, type_name);
        }
        t => return Err(unknown_code(t, type_name)),
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_neg_0 {
        return Err(
            "Negative zero coercion (z) not allowed in integer format specifier".to_string(),
        );
    }
    check_limit(spec.width)?;
    let magnitude = v.unsigned_abs();
    let (digits, prefix, group) = match ty {
        'c' => {
            if spec.sign.is_some() {
                return Err("Sign not allowed with integer format specifier 'c'".to_string());
            }
            if spec.alternate {
                return Err(
                    "Alternate form (#) not allowed with integer format specifier 'c'".to_string(),
                );
            }
            let ch = u32::try_from(v)
                .ok()
                .filter(|&cp| cp < 0x110000)
                .ok_or_else(|| "%c arg not in range(0x110000)".to_string())?;
            let ch = char::from_u32(ch)
                .ok_or_else(|| "%c of a surrogate code point is not supported".to_string())?;
            let body = ch.to_string();
            return Ok(fill_number(
                &spec,
                &NumberParts {
                    negative: false,
                    prefix: "",
                    digits: &body,
                    rest: "",
                    grouping: None,
                },
            ));
        }
        'b' => (format!("{magnitude:b}"), "0b", 4),
        'o' => (format!("{magnitude:o}"), "0o", 4),
        'x' => (format!("{magnitude:x}"), "0x", 4),
        'X' => (format!("{magnitude:X}"), "0X", 4),
        _ => (magnitude.to_string(), "", 3),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let grouping = if ty == 'n' {
        None
    } else {
        spec.grouping.map(|g| (g, group))
    };
    Ok(fill_number(
        &spec,
        &NumberParts {
            negative: v < 0,
            prefix,
            digits: &digits,
            rest: "",
            grouping,
        },
    ))
}

/// `format(v, spec)` for a str.
pub(crate) fn format_str(v: &str, spec_text: &str) -> Result<String, String> {
    if spec_text.is_empty() {
        return Ok(v.to_string());
    }
    let spec = parse_spec(spec_text, "str")?;
    match spec.ty {
        Some('s') | None => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(
            "Negative zero coercion (z) not allowed in string format specifier".to_string(),
        );
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    check_limit(spec.width)?;
    let (body, len) = match spec.precision {
        Some(p) => match v.char_indices().nth(p) {
            Some((cut, _)) => (&v[..cut], p),
            None => (v, v.chars().count()),
        },
        None => (v, v.chars().count()),
    };
    Ok(pad(body, len, spec.width, spec.fill, spec.align_or('<')))
}
