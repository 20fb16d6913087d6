//! Methods of str, list, dict, set and tuple.

use std::cell::RefCell;
use std::rc::Rc;

use super::functions::{eq, items_iter, sort_values};
use super::{arg_count, check_kwargs, kwarg};
use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::ops::{self, check_size, collect, Built};
use crate::pyfmt;
use crate::unicode_chars::{self, is_space};
use crate::value::{repr, to_str, Dict, Key, Value, ViewKind};
use crate::vm::{Kwargs, Vm};

const STR_METHODS: &[&str] = &[
    "upper",
    "rindex",
    "istitle",
    "lower",
    "strip",
    "lstrip",
    "rstrip",
    "split",
    "rsplit",
    "join",
    "replace",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "count",
    "format",
    "title",
    "capitalize",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isprintable",
    "isupper",
    "islower",
    "isnumeric",
    "isdecimal",
    "isidentifier",
    "isascii",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "partition",
    "rpartition",
    "splitlines",
    "swapcase",
    "casefold",
    "removeprefix",
    "removesuffix",
    "expandtabs",
];
const LIST_METHODS: &[&str] = &[
    "append", "extend", "pop", "insert", "remove", "index", "count", "sort", "reverse", "clear",
    "copy",
];
const DICT_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "pop",
    "setdefault",
    "update",
    "clear",
    "copy",
    "popitem",
];
const SET_METHODS: &[&str] = &[
    "add",
    "remove",
    "discard",
    "pop",
    "clear",
    "union",
    "intersection",
    "difference",
    "update",
    "copy",
    "issubset",
    "issuperset",
    "isdisjoint",
    "symmetric_difference",
];

pub(crate) fn has_method(obj: &Value, name: &str) -> bool {
    match obj {
        Value::Str(_) => STR_METHODS.contains(&name),
        Value::List(_) => LIST_METHODS.contains(&name),
        Value::Dict(_) => DICT_METHODS.contains(&name),
        Value::Set(_) => SET_METHODS.contains(&name),
        Value::Tuple(_) | Value::Range(_) => matches!(name, "count" | "index"),
        Value::Coro(_) => name == "close",
        Value::Exc(e) => {
            name == "with_traceback"
                || (!e.group.is_empty() && matches!(name, "split" | "subgroup" | "derive"))
        }
        _ => false,
    }
}

fn type_err(m: impl Into<String>) -> ExcRef {
    ExcObj::msg(ExcType::TypeError, m.into())
}

fn str_arg<'a>(fname: &str, v: &'a Value) -> Result<&'a str, ExcRef> {
    match v {
        Value::Str(s) => Ok(s),
        o => Err(type_err(format!(
            "{fname}() argument must be str, not {}",
            o.type_name()
        ))),
    }
}

fn int_arg(v: &Value) -> Result<i64, ExcRef> {
    v.as_int().ok_or_else(|| {
        type_err(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))
    })
}

fn opt_chars(args: &[Value], fname: &str) -> Result<Option<Vec<char>>, ExcRef> {
    match args.first() {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(str_arg(fname, v)?.chars().collect())),
    }
}

fn pad(s: &str, width: i64, fill: char, align: char) -> String {
    let n = s.chars().count() as i64;
    if width <= n {
        return s.to_string();
    }
    let total = (width - n) as usize;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

fn fill_char(args: &[Value], fname: &str) -> Result<char, ExcRef> {
    match args.get(1) {
        None => Ok(' '),
        Some(Value::Str(s)) if s.chars().count() == 1 => Ok(s.chars().next().unwrap_or(' ')),
        Some(_) => Err(type_err(format!(
            "The fill character must be exactly one character long ({fname})"
        ))),
    }
}

fn split(
    s: &str,
    sep: Option<&str>,
    maxsplit: i64,
    from_right: bool,
) -> Result<Vec<Value>, ExcRef> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let parts: Vec<String> = match sep {
        Some("") => return Err(ExcObj::msg(ExcType::ValueError, "empty separator")),
        Some(sep) => {
            if from_right {
                let mut v: Vec<String> = s
                    .rsplitn(max.saturating_add(1), sep)
                    .map(String::from)
                    .collect();
                v.reverse();
                v
            } else {
                s.splitn(max.saturating_add(1), sep)
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let words: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
            if max >= words.len() {
                words.into_iter().map(String::from).collect()
            } else if !from_right {
                // Split `max` times from the left; the rest keeps its inner spacing.
                let mut out = Vec::new();
                let mut rest = s.trim_start_matches(is_space);
                for _ in 0..max {
                    let end = rest.find(is_space).unwrap_or(rest.len());
                    out.push(rest[..end].to_string());
                    rest = rest[end..].trim_start_matches(is_space);
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            } else {
                let mut out = Vec::new();
                let mut rest = s.trim_end_matches(is_space);
                for _ in 0..max {
                    // The character found is whitespace; the word starts after it.
                    let start = rest
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| is_space(c))
                        .map_or(0, |(i, c)| i + c.len_utf8());
                    out.push(rest[start..].to_string());
                    rest = rest[..start].trim_end_matches(is_space);
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out.reverse();
                out
            }
        }
    };
    Ok(parts.into_iter().map(|p| Value::str(&p)).collect())
}

/// Find `sub` in `s` within char positions [start, end); returns a char index.
/// `list.index(x[, start[, end]])` and `tuple.index`: the first position of
/// `args[0]` within the (slice-adjusted) bounds.
fn index_between(items: &[Value], args: &[Value]) -> Result<Option<usize>, ExcRef> {
    let (start, end) = adjust_indices(args.get(1), args.get(2), items.len() as i64)?;
    if start >= end {
        return Ok(None);
    }
    Ok(items[start as usize..end as usize]
        .iter()
        .position(|v| eq(v, &args[0]))
        .map(|i| i + start as usize))
}

/// CPython's `ADJUST_INDICES` for the optional start/end of str methods:
/// negatives count from the end (floored at 0), `end` is capped at the
/// length, `start` is not (a start past the end matches nothing, not even "").
fn adjust_indices(
    start: Option<&Value>,
    end: Option<&Value>,
    n: i64,
) -> Result<(i64, i64), ExcRef> {
    let get = |v: Option<&Value>, d: i64| -> Result<i64, ExcRef> {
        match v {
            None | Some(Value::None) => Ok(d),
            Some(x) => {
                let i = int_arg(x)?;
                Ok(if i < 0 { (i + n).max(0) } else { i })
            }
        }
    };
    Ok((get(start, 0)?, get(end, n)?.min(n)))
}

fn find(s: &str, sub: &str, args: &[Value], rev: bool) -> Result<i64, ExcRef> {
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = adjust_indices(args.get(1), args.get(2), chars.len() as i64)?;
    if start > end {
        return Ok(-1);
    }
    let hay: String = chars[start as usize..end as usize].iter().collect();
    let pos = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match pos {
        Some(b) => start + hay[..b].chars().count() as i64,
        None => -1,
    })
}

fn str_method(
    vm: &mut Vm,
    s: &Rc<str>,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> Result<Value, ExcRef> {
    let st = |x: String| Ok(Value::str(&x));
    match name {
        "upper" => st(unicode_chars::upper(s)),
        "lower" => st(unicode_chars::lower(s)),
        "casefold" => st(unicode_chars::casefold(s)),
        "swapcase" => st(unicode_chars::swapcase(s)),
        "title" => st(unicode_chars::title(s)),
        "capitalize" => st(unicode_chars::capitalize(s)),
        "strip" | "lstrip" | "rstrip" => {
            let chars = opt_chars(args, name)?;
            let pat = |c: char| match &chars {
                Some(cs) => cs.contains(&c),
                None => is_space(c),
            };
            st(match name {
                "strip" => s.trim_matches(pat).to_string(),
                "lstrip" => s.trim_start_matches(pat).to_string(),
                _ => s.trim_end_matches(pat).to_string(),
            })
        }
        "split" | "rsplit" => {
            check_kwargs(name, kwargs, &["sep", "maxsplit"])?;
            let sep = args.first().or_else(|| kwarg(kwargs, "sep"));
            let sep = match sep {
                None | Some(Value::None) => None,
                Some(v) => Some(str_arg(name, v)?.to_string()),
            };
            let max = match args.get(1).or_else(|| kwarg(kwargs, "maxsplit")) {
                Some(v) => int_arg(v)?,
                None => -1,
            };
            Ok(Value::list(split(
                s,
                sep.as_deref(),
                max,
                name == "rsplit",
            )?))
        }
        "splitlines" => {
            let keep = args
                .first()
                .or_else(|| kwarg(kwargs, "keepends"))
                .is_some_and(|v| v.truthy());
            let mut out = Vec::new();
            let mut rest: &str = s;
            while !rest.is_empty() {
                // str.splitlines' line boundaries (universal newlines and then some).
                let cut = rest
                    .find([
                        '\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\u{85}', '\u{2028}',
                        '\u{2029}',
                    ])
                    .unwrap_or(rest.len());
                let mut end = cut;
                if rest[cut..].starts_with("\r\n") {
                    end += 2;
                } else if let Some(c) = rest[cut..].chars().next() {
                    end += c.len_utf8();
                }
                out.push(Value::str(if keep { &rest[..end] } else { &rest[..cut] }));
                rest = &rest[end..];
            }
            Ok(Value::list(out))
        }
        "join" => {
            arg_count("join", args, 1, 1)?;
            let items = collect(vm, &args[0])?;
            let mut out = String::new();
            for (i, it) in items.iter().enumerate() {
                check_size(Built::Str, out.len())?;
                if i > 0 {
                    out.push_str(s);
                }
                match it {
                    Value::Str(p) => out.push_str(p),
                    o => {
                        return Err(type_err(format!(
                            "sequence item {i}: expected str instance, {} found",
                            o.type_name()
                        )))
                    }
                }
            }
            st(out)
        }
        "replace" => {
            arg_count("replace", args, 2, 3)?;
            let old = str_arg("replace", &args[0])?;
            let new = str_arg("replace", &args[1])?;
            // Every match (and, for an empty `old`, every gap) may grow the text.
            let grows = new.len().saturating_sub(old.len());
            let mut places = if old.is_empty() {
                s.len() + 1
            } else {
                s.matches(old).count()
            };
            if let Some(c) = args.get(2) {
                places = places.min(usize::try_from(int_arg(c)?).unwrap_or(places));
            }
            check_size(
                Built::Str,
                s.len().saturating_add(grows.saturating_mul(places)),
            )?;
            match args.get(2) {
                Some(c) if int_arg(c)? >= 0 => st(s.replacen(old, new, int_arg(c)? as usize)),
                _ => st(s.replace(old, new)),
            }
        }
        "startswith" | "endswith" => {
            arg_count(name, args, 1, 3)?;
            // Optional start/end select a slice of the string first.
            let chars: Vec<char> = s.chars().collect();
            let (start, end) = adjust_indices(args.get(1), args.get(2), chars.len() as i64)?;
            let part: String = if start <= end {
                chars[start as usize..end as usize].iter().collect()
            } else {
                String::new()
            };
            let test = |p: &str| {
                // CPython's tailmatch: the prefix must fit between start and end.
                if end - (p.chars().count() as i64) < start {
                    false
                } else if name == "startswith" {
                    part.starts_with(p)
                } else {
                    part.ends_with(p)
                }
            };
            match &args[0] {
                Value::Str(p) => Ok(Value::Bool(test(p))),
                Value::Tuple(t) => Ok(Value::Bool(
                    t.iter().any(|p| matches!(p, Value::Str(p) if test(p))),
                )),
                o => Err(type_err(format!(
                    "{name} first arg must be str or a tuple of str, not {}",
                    o.type_name()
                ))),
            }
        }
        "find" | "rfind" | "index" | "rindex" => {
            arg_count(name, args, 1, 3)?;
            let sub = str_arg(name, &args[0])?;
            let i = find(s, sub, args, name == "rfind" || name == "rindex")?;
            if (name == "index" || name == "rindex") && i < 0 {
                return Err(ExcObj::msg(ExcType::ValueError, "substring not found"));
            }
            Ok(Value::Int(i))
        }
        "count" => {
            arg_count("count", args, 1, 3)?;
            let sub = str_arg("count", &args[0])?;
            let chars: Vec<char> = s.chars().collect();
            let (start, end) = adjust_indices(args.get(1), args.get(2), chars.len() as i64)?;
            if start > end {
                return Ok(Value::Int(0));
            }
            let part: String = chars[start as usize..end as usize].iter().collect();
            Ok(Value::Int(if sub.is_empty() {
                part.chars().count() as i64 + 1
            } else {
                part.matches(sub).count() as i64
            }))
        }
        "format" => str_format(s, args, kwargs),
        "isdigit" | "isnumeric" | "isdecimal" => Ok(Value::Bool(
            !s.is_empty()
                && s.chars().all(|c| match name {
                    "isdecimal" => crate::unicode_digits::decimal_value(c).is_some(),
                    "isdigit" => crate::unicode_digits::is_digit(c),
                    _ => unicode_chars::is_numeric(c),
                }),
        )),
        "istitle" => Ok(Value::Bool(unicode_chars::istitle(s))),
        "isalpha" => Ok(Value::Bool(
            !s.is_empty() && s.chars().all(unicode_chars::is_alpha),
        )),
        "isalnum" => Ok(Value::Bool(
            !s.is_empty() && s.chars().all(unicode_chars::is_alnum),
        )),
        "isprintable" => Ok(Value::Bool(s.chars().all(crate::pyfmt::is_printable))),
        "isspace" => Ok(Value::Bool(!s.is_empty() && s.chars().all(is_space))),
        "isidentifier" => Ok(Value::Bool(unicode_chars::isidentifier(s))),
        "isascii" => Ok(Value::Bool(s.is_ascii())),
        "isupper" => Ok(Value::Bool(unicode_chars::isupper(s))),
        "islower" => Ok(Value::Bool(unicode_chars::islower(s))),
        "center" | "ljust" | "rjust" => {
            arg_count(name, args, 1, 2)?;
            let w = int_arg(&args[0])?.min(1 << 24);
            let fill = fill_char(args, name)?;
            let align = match name {
                "ljust" => '<',
                "rjust" => '>',
                _ => '^',
            };
            st(pad(s, w, fill, align))
        }
        "zfill" => {
            arg_count("zfill", args, 1, 1)?;
            let w = int_arg(&args[0])?.min(1 << 24);
            let n = s.chars().count() as i64;
            if w <= n {
                return st(s.to_string());
            }
            let zeros = "0".repeat((w - n) as usize);
            st(match s.chars().next() {
                Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
                _ => format!("{zeros}{s}"),
            })
        }
        "partition" | "rpartition" => {
            arg_count(name, args, 1, 1)?;
            let sep = str_arg(name, &args[0])?;
            if sep.is_empty() {
                return Err(ExcObj::msg(ExcType::ValueError, "empty separator"));
            }
            let found = if name == "partition" {
                s.find(sep)
            } else {
                s.rfind(sep)
            };
            let parts = match found {
                Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
                None if name == "partition" => [&s[..], "", ""],
                None => ["", "", &s[..]],
            };
            Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
        }
        "removeprefix" => st(s
            .strip_prefix(str_arg(name, args.first().unwrap_or(&Value::None))?)
            .unwrap_or(s)
            .to_string()),
        "removesuffix" => st(s
            .strip_suffix(str_arg(name, args.first().unwrap_or(&Value::None))?)
            .unwrap_or(s)
            .to_string()),
        "expandtabs" => {
            let size = match args.first() {
                Some(v) => int_arg(v)?,
                None => 8,
            };
            let mut out = String::new();
            let mut col = 0i64;
            for c in s.chars() {
                match c {
                    '\t' => {
                        if size > 0 {
                            let pad = size - col % size;
                            out.extend(std::iter::repeat_n(' ', pad as usize));
                            col += pad;
                        }
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        col = 0;
                    }
                    _ => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            st(out)
        }
        _ => Err(type_err(format!("'str' object has no attribute '{name}'"))),
    }
}

/// `str.format(*args, **kwargs)`.
pub(crate) fn str_format(s: &str, args: &[Value], kwargs: &Kwargs) -> Result<Value, ExcRef> {
    let pieces = pyfmt::parse_format_string(s).map_err(|m| ExcObj::msg(ExcType::ValueError, m))?;
    let mut out = String::new();
    render_pieces(&pieces, args, kwargs, &mut out)?;
    Ok(Value::str(&out))
}

fn render_pieces(
    pieces: &[pyfmt::FormatPiece],
    args: &[Value],
    kwargs: &Kwargs,
    out: &mut String,
) -> Result<(), ExcRef> {
    for p in pieces {
        match p {
            pyfmt::FormatPiece::Literal(l) => out.push_str(l),
            pyfmt::FormatPiece::Field(f) => {
                let v = match &f.arg {
                    pyfmt::FieldArg::Index(i) => args.get(*i).cloned().ok_or_else(|| {
                        ExcObj::msg(
                            ExcType::IndexError,
                            format!("Replacement index {i} out of range for positional args tuple"),
                        )
                    })?,
                    pyfmt::FieldArg::Keyword(k) => kwarg(kwargs, k)
                        .cloned()
                        .ok_or_else(|| ExcObj::new(ExcType::KeyError, vec![Value::str(k)]))?,
                };
                let mut v = v;
                for acc in &f.accessors {
                    v = match acc {
                        pyfmt::FieldAccessor::Index(i) => ops::getitem(&v, &Value::Int(*i as i64))?,
                        pyfmt::FieldAccessor::Key(k) => ops::getitem(&v, &Value::str(k))?,
                        pyfmt::FieldAccessor::Attr(a) => {
                            return Err(ExcObj::msg(
                                ExcType::AttributeError,
                                format!("unsupported: attribute '{a}' in a format field"),
                            ))
                        }
                    };
                }
                let v = match f.conversion {
                    Some('r') | Some('a') => Value::str(&repr(&v)),
                    Some('s') => Value::str(&to_str(&v)),
                    _ => v,
                };
                let mut spec = String::new();
                render_pieces(&f.spec, args, kwargs, &mut spec)?;
                out.push_str(&ops::format_with_spec(&v, &spec)?);
            }
        }
    }
    Ok(())
}

fn list_method(
    vm: &mut Vm,
    l: &Rc<RefCell<Vec<Value>>>,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> Result<Value, ExcRef> {
    match name {
        "append" => {
            arg_count("list.append", args, 1, 1)?;
            l.borrow_mut().push(args[0].clone());
            Ok(Value::None)
        }
        "extend" => {
            arg_count("list.extend", args, 1, 1)?;
            let items = collect(vm, &args[0])?;
            check_size(Built::List, l.borrow().len() + items.len())?;
            l.borrow_mut().extend(items);
            Ok(Value::None)
        }
        "pop" => {
            arg_count("pop", args, 0, 1)?;
            let mut v = l.borrow_mut();
            if v.is_empty() {
                return Err(ExcObj::msg(ExcType::IndexError, "pop from empty list"));
            }
            let n = v.len() as i64;
            let i = match args.first() {
                Some(x) => int_arg(x)?,
                None => n - 1,
            };
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(ExcObj::msg(ExcType::IndexError, "pop index out of range"));
            }
            Ok(v.remove(j as usize))
        }
        "insert" => {
            arg_count("insert", args, 2, 2)?;
            let mut v = l.borrow_mut();
            let n = v.len() as i64;
            let i = int_arg(&args[0])?;
            let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
            v.insert(j as usize, args[1].clone());
            Ok(Value::None)
        }
        "remove" => {
            arg_count("list.remove", args, 1, 1)?;
            let pos = l.borrow().iter().position(|x| eq(x, &args[0]));
            match pos {
                Some(i) => {
                    l.borrow_mut().remove(i);
                    Ok(Value::None)
                }
                None => Err(ExcObj::msg(
                    ExcType::ValueError,
                    "list.remove(x): x not in list",
                )),
            }
        }
        "index" => {
            arg_count("list.index", args, 1, 3)?;
            let pos = index_between(&l.borrow(), args)?;
            match pos {
                Some(i) => Ok(Value::Int(i as i64)),
                None => Err(ExcObj::msg(
                    ExcType::ValueError,
                    format!("{} is not in list", repr(&args[0])),
                )),
            }
        }
        "count" => {
            arg_count("list.count", args, 1, 1)?;
            Ok(Value::Int(
                l.borrow().iter().filter(|x| eq(x, &args[0])).count() as i64,
            ))
        }
        "sort" => {
            check_kwargs("sort", kwargs, &["key", "reverse"])?;
            arg_count("list.sort", args, 0, 0)?;
            let rev = kwarg(kwargs, "reverse").is_some_and(|v| v.truthy());
            // As in CPython, the list is empty while it sorts (a key function
            // sees it so), gets its items back however the sort ends, and a
            // list changed meanwhile is a ValueError (the changes are lost).
            let items = std::mem::take(&mut *l.borrow_mut());
            let (items, result) = match sort_values(vm, items, kwarg(kwargs, "key"), rev) {
                Ok(sorted) => (sorted, Ok(Value::None)),
                Err((items, e)) => (items, Err(e)),
            };
            let modified = !std::mem::replace(&mut *l.borrow_mut(), items).is_empty();
            match result {
                Ok(_) if modified => Err(ExcObj::msg(
                    ExcType::ValueError,
                    "list modified during sort",
                )),
                r => r,
            }
        }
        "reverse" => {
            l.borrow_mut().reverse();
            Ok(Value::None)
        }
        "clear" => {
            l.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::list(l.borrow().clone())),
        _ => Err(type_err(format!("'list' object has no attribute '{name}'"))),
    }
}

fn key_of(v: &Value) -> Result<Key, ExcRef> {
    if v.is_hashable() {
        Ok(Key(v.clone()))
    } else {
        Err(crate::vm::unhashable(v))
    }
}

fn dict_method(
    vm: &mut Vm,
    d: &Rc<RefCell<Dict>>,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> Result<Value, ExcRef> {
    match name {
        "get" => {
            arg_count("get", args, 1, 2)?;
            let k = key_of(&args[0])?;
            Ok(d.borrow()
                .get(&k)
                .cloned()
                .unwrap_or_else(|| args.get(1).cloned().unwrap_or(Value::None)))
        }
        "keys" => Ok(Value::View(Rc::new((ViewKind::Keys, d.clone())))),
        "values" => Ok(Value::View(Rc::new((ViewKind::Values, d.clone())))),
        "items" => Ok(Value::View(Rc::new((ViewKind::Items, d.clone())))),
        "pop" => {
            arg_count("pop", args, 1, 2)?;
            let k = key_of(&args[0])?;
            let r = d.borrow_mut().shift_remove(&k);
            match (r, args.get(1)) {
                (Some(v), _) => Ok(v),
                (None, Some(default)) => Ok(default.clone()),
                (None, None) => Err(ExcObj::new(ExcType::KeyError, vec![args[0].clone()])),
            }
        }
        "popitem" => {
            let r = d.borrow_mut().pop();
            match r {
                Some((k, v)) => Ok(Value::tuple(vec![k.0, v])),
                None => Err(ExcObj::msg(
                    ExcType::KeyError,
                    "popitem(): dictionary is empty",
                )),
            }
        }
        "setdefault" => {
            arg_count("setdefault", args, 1, 2)?;
            let k = key_of(&args[0])?;
            let default = args.get(1).cloned().unwrap_or(Value::None);
            Ok(d.borrow_mut().entry(k).or_insert(default).clone())
        }
        "update" => {
            arg_count("update", args, 0, 1)?;
            if let Some(src) = args.first() {
                let Value::Dict(other) = super::functions::construct(
                    vm,
                    crate::value::TypeId::Dict,
                    vec![src.clone()],
                    Vec::new(),
                )?
                else {
                    return Ok(Value::None);
                };
                let items: Vec<(Key, Value)> = other
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                d.borrow_mut().extend(items);
            }
            for (k, v) in kwargs {
                d.borrow_mut().insert(Key(Value::Str(k.clone())), v.clone());
            }
            Ok(Value::None)
        }
        "clear" => {
            d.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::Dict(Rc::new(RefCell::new(d.borrow().clone())))),
        _ => Err(type_err(format!("'dict' object has no attribute '{name}'"))),
    }
}

fn set_method(
    vm: &mut Vm,
    d: &Rc<RefCell<Dict>>,
    name: &str,
    args: &[Value],
) -> Result<Value, ExcRef> {
    let other = |vm: &mut Vm| -> Result<Dict, ExcRef> {
        let mut o = Dict::default();
        for a in args {
            for v in collect(vm, a)? {
                o.insert(key_of(&v)?, Value::None);
            }
        }
        Ok(o)
    };
    let new = |x: Dict| Value::Set(Rc::new(RefCell::new(x)));
    match name {
        "add" => {
            arg_count("set.add", args, 1, 1)?;
            d.borrow_mut().insert(key_of(&args[0])?, Value::None);
            Ok(Value::None)
        }
        "remove" => {
            arg_count("set.remove", args, 1, 1)?;
            match d.borrow_mut().shift_remove(&key_of(&args[0])?) {
                Some(_) => Ok(Value::None),
                None => Err(ExcObj::new(ExcType::KeyError, vec![args[0].clone()])),
            }
        }
        "discard" => {
            arg_count("set.discard", args, 1, 1)?;
            d.borrow_mut().shift_remove(&key_of(&args[0])?);
            Ok(Value::None)
        }
        "pop" => match d.borrow_mut().shift_remove_index(0) {
            Some((k, _)) => Ok(k.0),
            None => Err(ExcObj::msg(ExcType::KeyError, "pop from an empty set")),
        },
        "clear" => {
            d.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => Ok(new(d.borrow().clone())),
        "update" => {
            let o = other(vm)?;
            d.borrow_mut().extend(o);
            Ok(Value::None)
        }
        "union" => {
            let mut x = d.borrow().clone();
            x.extend(other(vm)?);
            Ok(new(x))
        }
        "intersection" => {
            let o = other(vm)?;
            Ok(new(d
                .borrow()
                .iter()
                .filter(|(k, _)| o.contains_key(*k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()))
        }
        "difference" => {
            let o = other(vm)?;
            Ok(new(d
                .borrow()
                .iter()
                .filter(|(k, _)| !o.contains_key(*k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()))
        }
        "symmetric_difference" => {
            let o = other(vm)?;
            let x = d.borrow();
            let mut out: Dict = x
                .iter()
                .filter(|(k, _)| !o.contains_key(*k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            out.extend(
                o.iter()
                    .filter(|(k, _)| !x.contains_key(*k))
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
            Ok(new(out))
        }
        "issubset" => {
            let o = other(vm)?;
            Ok(Value::Bool(d.borrow().keys().all(|k| o.contains_key(k))))
        }
        "issuperset" => {
            let o = other(vm)?;
            Ok(Value::Bool(o.keys().all(|k| d.borrow().contains_key(k))))
        }
        "isdisjoint" => {
            let o = other(vm)?;
            Ok(Value::Bool(!d.borrow().keys().any(|k| o.contains_key(k))))
        }
        _ => Err(type_err(format!("'set' object has no attribute '{name}'"))),
    }
}

/// CPython's message when a method of a built-in type gets the wrong number
/// of positional arguments, worded by its calling convention; `None` when
/// the count is fine or the method checks it itself.
fn arity_error(recv: &Value, name: &str, n: usize) -> Option<String> {
    let ty = match recv {
        Value::Str(_) => "str",
        Value::List(_) => "list",
        Value::Dict(_) => "dict",
        Value::Set(_) => "set",
        _ => return None,
    };
    let no_args = match ty {
        "str" => {
            matches!(
                name,
                "capitalize" | "casefold" | "lower" | "upper" | "swapcase" | "title"
            ) || (name.starts_with("is") && name != "isdisjoint")
        }
        "list" => matches!(name, "clear" | "copy" | "reverse"),
        "dict" => matches!(
            name,
            "keys" | "values" | "items" | "clear" | "copy" | "popitem"
        ),
        _ => matches!(name, "clear" | "copy" | "pop"),
    };
    let one_arg = match ty {
        "str" => matches!(name, "join" | "zfill"),
        "list" => matches!(name, "append" | "remove" | "count" | "extend"),
        "set" => matches!(name, "add" | "remove" | "discard"),
        _ => false,
    };
    let at_least_one = matches!(
        (ty, name),
        ("dict", "get" | "pop" | "setdefault") | ("list", "index")
    );
    if no_args && n > 0 {
        Some(format!("{ty}.{name}() takes no arguments ({n} given)"))
    } else if one_arg && n != 1 {
        Some(format!(
            "{ty}.{name}() takes exactly one argument ({n} given)"
        ))
    } else if at_least_one && n == 0 {
        Some(format!("{name} expected at least 1 argument, got 0"))
    } else if ty == "list" && name == "insert" && n != 2 {
        Some(format!("insert expected 2 arguments, got {n}"))
    } else if ty == "str" && matches!(name, "startswith" | "endswith") && n == 0 {
        Some(format!("{name}() takes at least 1 argument (0 given)"))
    } else {
        None
    }
}

/// `None` when `recv` has no such method here.
pub(crate) fn call_method(
    vm: &mut Vm,
    recv: &Value,
    name: &str,
    args: Vec<Value>,
    kwargs: &Kwargs,
) -> Option<Result<Value, ExcRef>> {
    if !has_method(recv, name) {
        return None;
    }
    if !kwargs.is_empty()
        && !matches!(
            name,
            "sort" | "split" | "rsplit" | "format" | "update" | "splitlines"
        )
    {
        return Some(Err(type_err(format!(
            "{name}() takes no keyword arguments"
        ))));
    }
    if let Some(msg) = arity_error(recv, name, args.len()) {
        return Some(Err(type_err(msg)));
    }
    Some(match recv {
        Value::Str(s) => str_method(vm, s, name, &args, kwargs),
        Value::List(l) => list_method(vm, l, name, &args, kwargs),
        Value::Dict(d) => dict_method(vm, d, name, &args, kwargs),
        Value::Set(d) => set_method(vm, d, name, &args),
        Value::Tuple(t) => {
            let Some(x) = args.first() else {
                return Some(Err(type_err(format!(
                    "{name}() takes exactly one argument (0 given)"
                ))));
            };
            if name == "count" {
                Ok(Value::Int(t.iter().filter(|v| eq(v, x)).count() as i64))
            } else {
                if args.len() > 3 {
                    return Some(Err(type_err(format!(
                        "index expected at most 3 arguments, got {}",
                        args.len()
                    ))));
                }
                let pos = match index_between(t, &args) {
                    Ok(p) => p,
                    Err(e) => return Some(Err(e)),
                };
                match pos {
                    Some(i) => Ok(Value::Int(i as i64)),
                    None => Err(ExcObj::msg(
                        ExcType::ValueError,
                        "tuple.index(x): x not in tuple",
                    )),
                }
            }
        }
        Value::Range(r) => {
            if args.len() != 1 {
                return Some(Err(type_err(format!(
                    "range.{name}() takes exactly one argument ({} given)",
                    args.len()
                ))));
            }
            let pos = crate::ops::range_position(r, &args[0]);
            match (name, pos) {
                ("count", p) => Ok(Value::Int(p.is_some() as i64)),
                (_, Some(k)) => Ok(Value::Int(k)),
                (_, None) if crate::ops::int_of(&args[0]).is_some() => Err(ExcObj::msg(
                    ExcType::ValueError,
                    format!("{} is not in range", repr(&args[0])),
                )),
                (_, None) => Err(ExcObj::msg(
                    ExcType::ValueError,
                    "sequence.index(x): x not in sequence",
                )),
            }
        }
        Value::Coro(c) => {
            c.borrow_mut().state = crate::value::CoroState::Started;
            Ok(Value::None)
        }
        Value::Exc(e) if name != "with_traceback" => exception_group_method(vm, e, name, &args),
        Value::Exc(_) => Ok(recv.clone()),
        _ => return None,
    })
}

/// Used by `enumerate`-like helpers that need an iterator over computed items.
pub(crate) fn _items(items: Vec<Value>) -> Value {
    items_iter(items)
}

/// A group with the same message around other exceptions (`BaseExceptionGroup.derive`).
fn derive(eg: &ExcRef, excs: Vec<Value>) -> Value {
    let all = excs
        .iter()
        .all(|x| matches!(x, Value::Exc(x) if x.is(ExcType::Exception)));
    let typ = if all {
        ExcType::ExceptionGroup
    } else {
        ExcType::BaseExceptionGroup
    };
    let msg = eg.args.first().map(to_str).unwrap_or_default();
    Value::Exc(ExcObj::group(typ, &msg, excs))
}

fn group_matches(vm: &mut Vm, cond: &Value, e: &Value) -> Result<bool, ExcRef> {
    match cond {
        Value::Type(_) | Value::Tuple(_) => ops::exc_matches(e, cond),
        f => Ok(vm.call_sync(f, vec![e.clone()])?.truthy()),
    }
}

/// `split(cond)` → (match, rest), recursively, keeping the nesting; `None` for an empty side.
fn group_split(
    vm: &mut Vm,
    eg: &ExcRef,
    cond: &Value,
) -> Result<(Option<Value>, Option<Value>), ExcRef> {
    let me = Value::Exc(eg.clone());
    if group_matches(vm, cond, &me)? {
        return Ok((Some(me), None));
    }
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for e in &eg.group {
        match e {
            Value::Exc(x) if !x.group.is_empty() => {
                let (m, r) = group_split(vm, x, cond)?;
                matched.extend(m);
                rest.extend(r);
            }
            _ => {
                if group_matches(vm, cond, e)? {
                    matched.push(e.clone());
                } else {
                    rest.push(e.clone());
                }
            }
        }
    }
    let side = |v: Vec<Value>| {
        if v.is_empty() {
            None
        } else {
            Some(derive(eg, v))
        }
    };
    Ok((side(matched), side(rest)))
}

fn exception_group_method(
    vm: &mut Vm,
    eg: &ExcRef,
    name: &str,
    args: &[Value],
) -> Result<Value, ExcRef> {
    arg_count(name, args, 1, 1)?;
    match name {
        "derive" => Ok(derive(eg, collect(vm, &args[0])?)),
        "split" => {
            let (m, r) = group_split(vm, eg, &args[0])?;
            Ok(Value::tuple(vec![
                m.unwrap_or(Value::None),
                r.unwrap_or(Value::None),
            ]))
        }
        _ => Ok(group_split(vm, eg, &args[0])?.0.unwrap_or(Value::None)),
    }
}
