//! Parsing of `str.format` templates into literal text and replacement fields.
//!
//! Field numbers are resolved at parse time (auto numbering included, in CPython's order: a
//! field's own number before those nested in its spec). A field's spec is itself a list of
//! pieces: the caller renders them (formatting nested fields with their own conversion and
//! spec) and concatenates the results to get the spec text for the outer value.
//!
//! CPython reports some template errors lazily, while rendering; this parser reports them
//! up front, so an error in a later field can win over an earlier field's lookup error.

/// One part of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FormatPiece {
    Literal(String),
    Field(FormatField),
}

/// Which argument a field refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FieldArg {
    /// A positional argument, from `{0}` or from automatic numbering `{}`.
    Index(usize),
    /// A keyword argument `{name}`.
    Keyword(String),
}

/// An attribute or item access after the argument (`{0.real}`, `{d[key]}`, `{a[0]}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FieldAccessor {
    Attr(String),
    /// `[digits]`: CPython passes an int key.
    Index(usize),
    /// `[text]`: CPython passes a str key.
    Key(String),
}

/// A replacement field `{arg[.attr|[key]]...[!conv][:spec]}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FormatField {
    pub(crate) arg: FieldArg,
    pub(crate) accessors: Vec<FieldAccessor>,
    /// `'r'`, `'s'` or `'a'`.
    pub(crate) conversion: Option<char>,
    /// The spec; a plain spec is a single literal (or nothing when empty).
    pub(crate) spec: Vec<FormatPiece>,
}

/// Numbering mode shared by a whole template, nested specs included.
#[derive(Default)]
struct AutoNumber {
    manual: bool,
    auto: bool,
    next: usize,
}

/// Parses a `str.format` template; the error is CPython's ValueError message.
pub(crate) fn parse_format_string(s: &str) -> Result<Vec<FormatPiece>, String> {
    let chars: Vec<char> = s.chars().collect();
    parse_pieces(&chars, 2, &mut AutoNumber::default())
}

fn parse_pieces(
    chars: &[char],
    depth: u32,
    numbering: &mut AutoNumber,
) -> Result<Vec<FormatPiece>, String> {
    if depth == 0 {
        return Err("Max string recursion exceeded".to_string());
    }
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '{' && c != '}' {
            literal.push(c);
            continue;
        }
        let next = chars.get(pos).copied();
        if next == Some(c) {
            literal.push(c);
            pos += 1;
            continue;
        }
        if c == '}' {
            return Err("Single '}' encountered in format string".to_string());
        }
        if next.is_none() {
            return Err("Single '{' encountered in format string".to_string());
        }
        if !literal.is_empty() {
            pieces.push(FormatPiece::Literal(std::mem::take(&mut literal)));
        }
        let field = parse_field(chars, &mut pos, depth, numbering)?;
        pieces.push(FormatPiece::Field(field));
    }
    if !literal.is_empty() {
        pieces.push(FormatPiece::Literal(literal));
    }
    Ok(pieces)
}

/// Parses one field starting just after its `{`, leaving `pos` after its closing `}`.
fn parse_field(
    chars: &[char],
    pos: &mut usize,
    depth: u32,
    numbering: &mut AutoNumber,
) -> Result<FormatField, String> {
    let name_start = *pos;
    let mut end_char = None;
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        match c {
            '{' => return Err("unexpected '{' in field name".to_string()),
            '[' => {
                while *pos < chars.len() && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                end_char = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(end) = end_char else {
        return Err("expected '}' before end of string".to_string());
    };
    let name: String = chars[name_start..*pos - 1].iter().collect();
    // CPython first scans the whole field (conversion and spec extent), then resolves the
    // name, then checks the conversion, then expands the spec; errors follow that order.
    let mut conversion = None;
    let mut spec_chars: &[char] = &[];
    let mut needs_expanding = false;
    if end == '!' {
        let Some(&conv) = chars.get(*pos) else {
            return Err("end of string while looking for conversion specifier".to_string());
        };
        *pos += 1;
        conversion = Some(conv);
    }
    let closed_after_conversion = end == '!' && chars.get(*pos) == Some(&'}');
    if end == '!' && closed_after_conversion {
        *pos += 1;
    } else if end != '}' {
        if end == '!' {
            if let Some(&c) = chars.get(*pos) {
                *pos += 1;
                if c != ':' {
                    return Err("expected ':' after conversion specifier".to_string());
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        let mut spec_end = None;
        while *pos < chars.len() {
            let c = chars[*pos];
            *pos += 1;
            match c {
                '{' => {
                    needs_expanding = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        spec_end = Some(*pos - 1);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(spec_end) = spec_end else {
            return Err("unmatched '{' in format spec".to_string());
        };
        spec_chars = &chars[spec_start..spec_end];
    }
    let (arg, accessors) = parse_field_name(&name, numbering)?;
    if let Some(conv) = conversion {
        check_conversion(conv)?;
    }
    let mut spec = Vec::new();
    if needs_expanding {
        spec = parse_pieces(spec_chars, depth - 1, numbering)?;
    } else if !spec_chars.is_empty() {
        spec.push(FormatPiece::Literal(spec_chars.iter().collect()));
    }
    Ok(FormatField {
        arg,
        accessors,
        conversion,
        spec,
    })
}

fn check_conversion(c: char) -> Result<(), String> {
    match c {
        'r' | 's' | 'a' => Ok(()),
        c if (c as u32) > 32 && (c as u32) < 127 => {
            Err(format!("Unknown conversion specifier {c}"))
        }
        c => Err(format!("Unknown conversion specifier \\x{:x}", c as u32)),
    }
}

/// Parses a decimal index the way CPython's `get_integer` does (None if not all digits).
fn parse_index(s: &str) -> Result<Option<usize>, String> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .map(Some)
        .map_err(|_| "Too many decimal digits in format string".to_string())
}

fn parse_field_name(
    name: &str,
    numbering: &mut AutoNumber,
) -> Result<(FieldArg, Vec<FieldAccessor>), String> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let arg = if first.is_empty() {
        if numbering.manual {
            return Err(
                "cannot switch from manual field specification to automatic field numbering"
                    .to_string(),
            );
        }
        numbering.auto = true;
        let n = numbering.next;
        numbering.next += 1;
        FieldArg::Index(n)
    } else if let Some(n) = parse_index(first)? {
        if numbering.auto {
            return Err(
                "cannot switch from automatic field numbering to manual field specification"
                    .to_string(),
            );
        }
        numbering.manual = true;
        FieldArg::Index(n)
    } else {
        FieldArg::Keyword(first.to_string())
    };
    let mut accessors = Vec::new();
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        i += 1;
        if c == '.' {
            let start = i;
            while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                i += 1;
            }
            if i == start {
                return Err("Empty attribute in format string".to_string());
            }
            accessors.push(FieldAccessor::Attr(rest[start..i].iter().collect()));
        } else if c == '[' {
            let start = i;
            while i < rest.len() && rest[i] != ']' {
                i += 1;
            }
            if i >= rest.len() {
                return Err("Missing ']' in format string".to_string());
            }
            if i == start {
                return Err("Empty attribute in format string".to_string());
            }
            let key: String = rest[start..i].iter().collect();
            i += 1;
            accessors.push(match parse_index(&key)? {
                Some(n) => FieldAccessor::Index(n),
                None => FieldAccessor::Key(key),
            });
            if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                return Err("Only '.' or '[' may follow ']' in format field specifier".to_string());
            }
        } else {
            return Err("Only '.' or '[' may follow ']' in format field specifier".to_string());
        }
    }
    Ok((arg, accessors))
}
