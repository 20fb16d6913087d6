//! Python operators and protocols on values: arithmetic, comparison, subscripts, iteration, attributes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::{py_eq, repr, to_str, Dict, IterObj, Key, TypeId, Value};
use crate::vm::Vm;
use crate::{builtins, pyfmt};

fn type_error(msg: String) -> ExcRef {
    ExcObj::msg(ExcType::TypeError, msg)
}

pub(crate) fn overflow() -> ExcRef {
    ExcObj::msg(
        ExcType::OverflowError,
        "integer overflow: loopscope integers are 64-bit",
    )
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::MatMult => "@",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn unsupported(op: BinOp, a: &Value, b: &Value, inplace: bool) -> ExcRef {
    let sym = op_symbol(op);
    let sym = if inplace && op != BinOp::Pow {
        format!("{sym}=")
    } else {
        sym.to_string()
    };
    type_error(format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}

pub(crate) fn int_floordiv(a: i64, b: i64) -> Result<i64, ExcRef> {
    if b == 0 {
        return Err(ExcObj::msg(
            ExcType::ZeroDivisionError,
            "integer division or modulo by zero",
        ));
    }
    let q = a.checked_div(b).ok_or_else(overflow)?;
    Ok(if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

pub(crate) fn int_mod(a: i64, b: i64) -> Result<i64, ExcRef> {
    if b == 0 {
        return Err(ExcObj::msg(
            ExcType::ZeroDivisionError,
            "integer modulo by zero",
        ));
    }
    let r = a.checked_rem(b).unwrap_or(0);
    Ok(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

/// The most items one list, tuple or set is built with in one operation
/// (240 MB of 24-byte values), and the longest string one operation builds. Beyond them
/// an operation raises MemoryError at once rather than exhausting the
/// browser tab's memory; the memory limit ([`crate::Limits::max_memory`])
/// bounds what many operations build together.
const MAX_ITEMS: usize = 10_000_000;
const MAX_STR_BYTES: usize = 100_000_000;

/// What an operation builds, for [`check_size`].
#[derive(Clone, Copy)]
pub(crate) enum Built {
    /// A string, sized in bytes.
    Str,
    /// A list, sized in items.
    List,
}

/// Whether an operation may build a value of size `n`: its MemoryError if
/// that is over [`MAX_STR_BYTES`] or [`MAX_ITEMS`].
pub(crate) fn check_size(kind: Built, n: usize) -> Result<(), ExcRef> {
    let (max, what, limit) = match kind {
        Built::Str => (
            MAX_STR_BYTES,
            "string",
            format_args!("{} MB", MAX_STR_BYTES / 1_000_000),
        ),
        Built::List => (
            MAX_ITEMS,
            "list",
            format_args!("{} million items", MAX_ITEMS / 1_000_000),
        ),
    };
    if n <= max {
        return Ok(());
    }
    Err(ExcObj::msg(
        ExcType::MemoryError,
        format!("loopscope builds a {what} of at most {limit}"),
    ))
}

fn repeat(items: &[Value], n: i64) -> Result<Vec<Value>, ExcRef> {
    let n = n.max(0) as usize;
    check_size(Built::List, items.len().saturating_mul(n))?;
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    Ok(out)
}

pub(crate) fn binary(op: BinOp, a: Value, b: Value, inplace: bool) -> Result<Value, ExcRef> {
    use Value::*;
    // Integers (and bools) first: the hot path.
    if let (Some(x), Some(y)) = (int_of(&a), int_of(&b)) {
        return int_binary(op, x, y).unwrap_or_else(|| Err(unsupported(op, &a, &b, inplace)));
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return float_binary(op, x, y).unwrap_or_else(|| Err(unsupported(op, &a, &b, inplace)));
    }
    match (op, &a, &b) {
        (BinOp::Add, Str(x), Str(y)) => {
            check_size(Built::Str, x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::str(&s))
        }
        (BinOp::Add, Str(_), _) => Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.type_name()
        ))),
        (BinOp::Add, List(x), List(y)) => {
            check_size(Built::List, x.borrow().len() + y.borrow().len())?;
            if inplace {
                let extra = y.borrow().clone();
                x.borrow_mut().extend(extra);
                return Ok(a.clone());
            }
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Ok(Value::list(v))
        }
        (BinOp::Add, List(x), Tuple(y)) if inplace => {
            x.borrow_mut().extend(y.iter().cloned());
            Ok(a.clone())
        }
        (BinOp::Add, List(_), _) => Err(type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.type_name()
        ))),
        (BinOp::Add, Tuple(x), Tuple(y)) => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            Ok(Value::tuple(v))
        }
        (BinOp::Add, Tuple(_), _) => Err(type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            b.type_name()
        ))),
        (BinOp::Mult, Str(s), n) | (BinOp::Mult, n, Str(s)) if int_of(n).is_some() => {
            let k = int_of(n).unwrap_or(0).max(0) as usize;
            check_size(Built::Str, s.len().saturating_mul(k))?;
            Ok(Value::str(&s.repeat(k)))
        }
        (BinOp::Mult, List(l), n) | (BinOp::Mult, n, List(l)) if int_of(n).is_some() => {
            let items = repeat(&l.borrow(), int_of(n).unwrap_or(0))?;
            if inplace {
                *l.borrow_mut() = items;
                return Ok(Value::List(l.clone()));
            }
            Ok(Value::list(items))
        }
        (BinOp::Mult, Tuple(t), n) | (BinOp::Mult, n, Tuple(t)) if int_of(n).is_some() => {
            Ok(Value::tuple(repeat(t, int_of(n).unwrap_or(0))?))
        }
        (BinOp::Mod, Str(fmt), args) => builtins::percent_format(fmt, args),
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Set(x), Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            let mut out = crate::value::Dict::default();
            match op {
                BinOp::BitOr => {
                    out.extend(x.iter().map(|(k, v)| (k.clone(), v.clone())));
                    out.extend(y.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                BinOp::BitAnd => out.extend(
                    x.iter()
                        .filter(|(k, _)| y.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone())),
                ),
                BinOp::Sub => out.extend(
                    x.iter()
                        .filter(|(k, _)| !y.contains_key(*k))
                        .map(|(k, v)| (k.clone(), v.clone())),
                ),
                _ => {
                    out.extend(
                        x.iter()
                            .filter(|(k, _)| !y.contains_key(*k))
                            .map(|(k, v)| (k.clone(), v.clone())),
                    );
                    out.extend(
                        y.iter()
                            .filter(|(k, _)| !x.contains_key(*k))
                            .map(|(k, v)| (k.clone(), v.clone())),
                    );
                }
            }
            Ok(Value::Set(Rc::new(RefCell::new(out))))
        }
        (BinOp::BitOr, Dict(x), Dict(y)) => {
            let mut out = x.borrow().clone();
            out.extend(y.borrow().iter().map(|(k, v)| (k.clone(), v.clone())));
            Ok(Value::Dict(Rc::new(RefCell::new(out))))
        }
        (BinOp::Mult, Str(_) | List(_) | Tuple(_), other)
        | (BinOp::Mult, other, Str(_) | List(_) | Tuple(_)) => Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            other.type_name()
        ))),
        _ => Err(unsupported(op, &a, &b, inplace)),
    }
}

pub(crate) fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// `binary`'s hot case, on borrowed operands: two numbers (ints, floats, or
/// one of each). `None` for anything else, and for an operator numbers do
/// not support (`binary` then says why).
#[inline]
pub(crate) fn binary_numbers(op: BinOp, a: &Value, b: &Value) -> Option<Result<Value, ExcRef>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_binary(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => float_binary(op, *x, *y),
        (Value::Int(x), Value::Float(y)) => float_binary(op, *x as f64, *y),
        (Value::Float(x), Value::Int(y)) => float_binary(op, *x, *y as f64),
        _ => None,
    }
}

/// `a op b` for two numbers when it cannot fail, computed inline (the
/// arithmetic of loops); `None`: anything else, for `binary_numbers` or
/// `binary`, which also make the errors. Same results as `int_binary` and
/// `float_binary`.
#[inline(always)]
pub(crate) fn quick_arith(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            return match op {
                BinOp::Add => x.checked_add(y).map(Value::Int),
                BinOp::Sub => x.checked_sub(y).map(Value::Int),
                BinOp::Mult => x.checked_mul(y).map(Value::Int),
                // Python's `%` takes the sign of the divisor: for a positive
                // one, the Euclidean remainder (`int_mod`).
                BinOp::Mod if y > 0 => Some(Value::Int(x.rem_euclid(y))),
                _ => None,
            };
        }
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Int(x), Value::Float(y)) => (*x as f64, *y),
        (Value::Float(x), Value::Int(y)) => (*x, *y as f64),
        _ => return None,
    };
    match op {
        BinOp::Add => Some(Value::Float(x + y)),
        BinOp::Sub => Some(Value::Float(x - y)),
        BinOp::Mult => Some(Value::Float(x * y)),
        _ => None,
    }
}

/// `a op b` for two ints or two floats ordered, inline (loop conditions);
/// `None`: anything else, for `compare`. Same results as `compare`.
#[inline(always)]
pub(crate) fn quick_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::LtE => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::GtE => x >= y,
            CmpOp::Eq => x == y,
            CmpOp::NotEq => x != y,
            _ => return None,
        }),
        // A NaN is neither less nor greater than anything, as in `compare`.
        (Value::Float(x), Value::Float(y)) => Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::LtE => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::GtE => x >= y,
            _ => return None,
        }),
        _ => None,
    }
}

fn int_binary(op: BinOp, x: i64, y: i64) -> Option<Result<Value, ExcRef>> {
    let int = |r: Option<i64>| Some(r.map(Value::Int).ok_or_else(overflow));
    match op {
        BinOp::Add => int(x.checked_add(y)),
        BinOp::Sub => int(x.checked_sub(y)),
        BinOp::Mult => int(x.checked_mul(y)),
        BinOp::Div => {
            if y == 0 {
                Some(Err(ExcObj::msg(
                    ExcType::ZeroDivisionError,
                    "division by zero",
                )))
            } else {
                Some(Ok(Value::Float(x as f64 / y as f64)))
            }
        }
        BinOp::FloorDiv => Some(int_floordiv(x, y).map(Value::Int)),
        BinOp::Mod => Some(int_mod(x, y).map(Value::Int)),
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Some(Err(ExcObj::msg(
                        ExcType::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    )));
                }
                Some(Ok(Value::Float((x as f64).powf(y as f64))))
            } else {
                int(u32::try_from(y).ok().and_then(|e| x.checked_pow(e)))
            }
        }
        BinOp::LShift => {
            if y < 0 {
                Some(Err(ExcObj::msg(
                    ExcType::ValueError,
                    "negative shift count",
                )))
            } else if y >= 64 {
                if x == 0 {
                    Some(Ok(Value::Int(0)))
                } else {
                    Some(Err(overflow()))
                }
            } else {
                let r = x << y;
                if r >> y == x {
                    Some(Ok(Value::Int(r)))
                } else {
                    Some(Err(overflow()))
                }
            }
        }
        BinOp::RShift => {
            if y < 0 {
                Some(Err(ExcObj::msg(
                    ExcType::ValueError,
                    "negative shift count",
                )))
            } else {
                Some(Ok(Value::Int(x >> y.min(63))))
            }
        }
        BinOp::BitAnd => Some(Ok(Value::Int(x & y))),
        BinOp::BitOr => Some(Ok(Value::Int(x | y))),
        BinOp::BitXor => Some(Ok(Value::Int(x ^ y))),
        BinOp::MatMult => None,
    }
}

fn float_binary(op: BinOp, x: f64, y: f64) -> Option<Result<Value, ExcRef>> {
    let zero = |what: &str| {
        Some(Err(ExcObj::msg(
            ExcType::ZeroDivisionError,
            what.to_string(),
        )))
    };
    Some(Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return zero("float division by zero");
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return zero("float floor division by zero");
            }
            float_floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return zero("float modulo");
            }
            float_mod(x, y)
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return zero("0.0 cannot be raised to a negative power");
            }
            if x < 0.0 && y.fract() != 0.0 {
                return Some(Err(ExcObj::msg(
                    ExcType::ValueError,
                    "loopscope does not support complex numbers (negative number to a fractional power)",
                )));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Some(Err(ExcObj::msg(
                    ExcType::OverflowError,
                    "(34, 'Numerical result out of range')",
                )));
            }
            r
        }
        _ => return None,
    })))
}

pub(crate) fn unary(op: UnaryOp, v: &Value) -> Result<Value, ExcRef> {
    match (op, v) {
        (UnaryOp::Not, v) => Ok(Value::Bool(!v.truthy())),
        (UnaryOp::Neg, Value::Int(i)) => i.checked_neg().map(Value::Int).ok_or_else(overflow),
        (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
        (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => Ok(v.clone()),
        (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
        (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
        _ => {
            let sym = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not",
            };
            Err(type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                v.type_name()
            )))
        }
    }
}

/// `a < b` etc. for orderable values; `None` when the types cannot be ordered.
pub(crate) fn order(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_order(&x, &y)
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_order(x, y),
        _ => match (int_of(a), int_of(b)) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => match (a.as_float(), b.as_float()) {
                // NaN is neither less nor greater than anything: sorting and max() go on.
                (Some(x), Some(y)) => Some(x.partial_cmp(&y).unwrap_or(Ordering::Equal)),
                _ => None,
            },
        },
    }
}

fn seq_order(x: &[Value], y: &[Value]) -> Option<std::cmp::Ordering> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !(p.is(q) || py_eq(p, q)) {
            return order(p, q);
        }
    }
    Some(x.len().cmp(&y.len()))
}

pub(crate) fn compare(op: CmpOp, a: &Value, b: &Value) -> Result<bool, ExcRef> {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Eq => crate::value::py_eq_checked(a, b),
        CmpOp::NotEq => crate::value::py_eq_checked(a, b).map(|r| !r),
        CmpOp::Is => Ok(a.is(b)),
        CmpOp::IsNot => Ok(!a.is(b)),
        CmpOp::In => contains(b, a),
        CmpOp::NotIn => contains(b, a).map(|r| !r),
        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
            let nan = matches!(a, Value::Float(f) if f.is_nan())
                || matches!(b, Value::Float(f) if f.is_nan());
            if nan && a.as_float().is_some() && b.as_float().is_some() {
                return Ok(false);
            }
            // Sets are ordered by inclusion (a partial order): a <= b is "subset of".
            if let (Value::Set(x), Value::Set(y)) = (a, b) {
                let (x, y) = (x.borrow(), y.borrow());
                let within = |p: &crate::value::Dict, q: &crate::value::Dict| {
                    p.len() <= q.len() && p.keys().all(|k| q.contains_key(k))
                };
                return Ok(match op {
                    CmpOp::Lt => x.len() < y.len() && within(&x, &y),
                    CmpOp::LtE => within(&x, &y),
                    CmpOp::Gt => y.len() < x.len() && within(&y, &x),
                    _ => within(&y, &x),
                });
            }
            match order(a, b) {
                Some(o) => Ok(match op {
                    CmpOp::Lt => o == Less,
                    CmpOp::LtE => o != Greater,
                    CmpOp::Gt => o == Greater,
                    _ => o != Less,
                }),
                None => {
                    let sym = match op {
                        CmpOp::Lt => "<",
                        CmpOp::LtE => "<=",
                        CmpOp::Gt => ">",
                        _ => ">=",
                    };
                    let (x, y) = incomparable_items(a, b);
                    Err(type_error(format!(
                        "'{sym}' not supported between instances of '{x}' and '{y}'"
                    )))
                }
            }
        }
    }
}

/// The types CPython names when ordering fails: for sequences, those of the
/// first items that differ (it compares them with the same operator).
pub(crate) fn incomparable_items(a: &Value, b: &Value) -> (&'static str, &'static str) {
    let pair = |x: &[Value], y: &[Value]| {
        x.iter()
            .zip(y.iter())
            .find(|(p, q)| !(p.is(q) || py_eq(p, q)))
            .map(|(p, q)| incomparable_items(p, q))
    };
    let inner = match (a, b) {
        (Value::Tuple(x), Value::Tuple(y)) => pair(x, y),
        (Value::List(x), Value::List(y)) => pair(&x.borrow(), &y.borrow()),
        _ => None,
    };
    inner.unwrap_or((a.type_name(), b.type_name()))
}

pub(crate) fn contains(container: &Value, item: &Value) -> Result<bool, ExcRef> {
    match container {
        Value::List(l) => Ok(l.borrow().iter().any(|v| v.is(item) || py_eq(v, item))),
        Value::Tuple(t) => Ok(t.iter().any(|v| v.is(item) || py_eq(v, item))),
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                item.type_name()
            ))),
        },
        Value::Dict(d) | Value::Set(d) => {
            if !item.is_hashable() {
                return Err(crate::vm::unhashable(item));
            }
            Ok(d.borrow().contains_key(&Key(item.clone())))
        }
        Value::View(v) => match v.0 {
            crate::value::ViewKind::Keys => contains(&Value::Dict(v.1.clone()), item),
            kind => Ok(crate::value::view_items(kind, &v.1.borrow())
                .iter()
                .any(|x| py_eq(x, item))),
        },
        Value::Range(r) => Ok(range_position(r, item).is_some()),
        _ => Err(type_error(format!(
            "argument of type '{}' is not iterable",
            container.type_name()
        ))),
    }
}

/// Where `item` is in the range, by equality as CPython's `range.__contains__`
/// and `range.index`: ints (and bools) by arithmetic, a float that equals an
/// int as that int, anything else is never equal to a range's items.
pub(crate) fn range_position(r: &crate::value::RangeObj, item: &Value) -> Option<i64> {
    let i = match (int_of(item), item) {
        (Some(i), _) => i,
        (None, Value::Float(f)) if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e18 => {
            *f as i64
        }
        _ => return None,
    };
    let n = r.len();
    let off = (i as i128) - (r.start as i128);
    let step = r.step as i128;
    if n == 0 || off % step != 0 {
        return None;
    }
    let k = off / step;
    (k >= 0 && k < n as i128).then_some(k as i64)
}

/// Resolve an index against a length, Python style.
fn index(i: i64, len: usize, what: &str) -> Result<usize, ExcRef> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        Err(ExcObj::msg(
            ExcType::IndexError,
            format!("{what} index out of range"),
        ))
    } else {
        Ok(j as usize)
    }
}

/// `slice.indices(len)`: (start, stop, step) clamped to a sequence of `len` items.
pub(crate) fn slice_indices(
    s: &(Value, Value, Value),
    len: usize,
) -> Result<(i64, i64, i64), ExcRef> {
    let get = |v: &Value| -> Result<Option<i64>, ExcRef> {
        match v {
            Value::None => Ok(None),
            other => int_of(other).map(Some).ok_or_else(|| {
                type_error(
                    "slice indices must be integers or None or have an __index__ method".into(),
                )
            }),
        }
    };
    let step = get(&s.2)?.unwrap_or(1);
    if step == 0 {
        return Err(ExcObj::msg(
            ExcType::ValueError,
            "slice step cannot be zero",
        ));
    }
    let len = len as i64;
    let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
        None => default,
        Some(i) => {
            let i = if i < 0 { i + len } else { i };
            i.clamp(lo, hi)
        }
    };
    Ok(if step > 0 {
        (
            clamp(get(&s.0)?, 0, 0, len),
            clamp(get(&s.1)?, len, 0, len),
            step,
        )
    } else {
        (
            clamp(get(&s.0)?, len - 1, -1, len - 1),
            clamp(get(&s.1)?, -1, -1, len - 1),
            step,
        )
    })
}

/// `slice.indices(len)` then the selected positions.
pub(crate) fn slice_positions(s: &(Value, Value, Value), len: usize) -> Result<Vec<usize>, ExcRef> {
    let (start, stop, step) = slice_indices(s, len)?;
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

pub(crate) fn getitem(obj: &Value, idx: &Value) -> Result<Value, ExcRef> {
    match (obj, idx) {
        (Value::Range(r), Value::Slice(s)) => {
            let (start, stop, step) = slice_indices(s, r.len() as usize)?;
            Ok(Value::Range(Rc::new(crate::value::RangeObj {
                start: r.start + start * r.step,
                stop: r.start + stop * r.step,
                step: r.step * step,
            })))
        }
        (Value::List(l), Value::Slice(s)) => {
            let l = l.borrow();
            Ok(Value::list(
                slice_positions(s, l.len())?
                    .into_iter()
                    .map(|i| l[i].clone())
                    .collect(),
            ))
        }
        (Value::Tuple(t), Value::Slice(s)) => Ok(Value::tuple(
            slice_positions(s, t.len())?
                .into_iter()
                .map(|i| t[i].clone())
                .collect(),
        )),
        (Value::Str(st), Value::Slice(s)) => {
            let chars: Vec<char> = st.chars().collect();
            Ok(Value::str(
                &slice_positions(s, chars.len())?
                    .into_iter()
                    .map(|i| chars[i])
                    .collect::<String>(),
            ))
        }
        (Value::List(l), i) if int_of(i).is_some() => {
            let l = l.borrow();
            Ok(l[index(int_of(i).unwrap_or(0), l.len(), "list")?].clone())
        }
        (Value::Tuple(t), i) if int_of(i).is_some() => {
            Ok(t[index(int_of(i).unwrap_or(0), t.len(), "tuple")?].clone())
        }
        (Value::Str(s), i) if int_of(i).is_some() => {
            let i = int_of(i).unwrap_or(0);
            if s.is_ascii() {
                let j = index(i, s.len(), "string")?;
                return Ok(Value::str(&s[j..j + 1]));
            }
            let chars: Vec<char> = s.chars().collect();
            Ok(Value::str(
                &chars[index(i, chars.len(), "string")?].to_string(),
            ))
        }
        (Value::Range(r), i) if int_of(i).is_some() => {
            let j = index(int_of(i).unwrap_or(0), r.len() as usize, "range object")?;
            Ok(Value::Int(r.start + j as i64 * r.step))
        }
        (Value::Dict(d), k) => {
            if !k.is_hashable() {
                return Err(crate::vm::unhashable(k));
            }
            d.borrow()
                .get(&Key(k.clone()))
                .cloned()
                .ok_or_else(|| ExcObj::new(ExcType::KeyError, vec![k.clone()]))
        }
        (Value::Str(_), i) => Err(type_error(format!(
            "string indices must be integers, not '{}'",
            i.type_name()
        ))),
        (Value::List(_) | Value::Tuple(_) | Value::Range(_), i) => Err(type_error(format!(
            "{} indices must be integers or slices, not {}",
            obj.type_name(),
            i.type_name()
        ))),
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            obj.type_name()
        ))),
    }
}

pub(crate) fn setitem(obj: &Value, idx: Value, v: Value) -> Result<(), ExcRef> {
    match (obj, &idx) {
        (Value::List(l), i) if int_of(i).is_some() => {
            let mut l = l.borrow_mut();
            let j = index(int_of(i).unwrap_or(0), l.len(), "list assignment")?;
            l[j] = v;
            Ok(())
        }
        (Value::List(l), Value::Slice(s)) => {
            let items = match &v {
                Value::List(x) => x.borrow().clone(),
                Value::Tuple(t) => t.to_vec(),
                _ => return Err(type_error("can only assign an iterable".into())),
            };
            let mut l = l.borrow_mut();
            check_size(Built::List, l.len() + items.len())?;
            let pos = slice_positions(s, l.len())?;
            let step1 = matches!(s.2, Value::None) || int_of(&s.2) == Some(1);
            if step1 {
                let start = pos.first().copied().unwrap_or_else(|| {
                    let st = int_of(&s.0).unwrap_or(0);
                    (if st < 0 { st + l.len() as i64 } else { st }).clamp(0, l.len() as i64)
                        as usize
                });
                let end = pos.last().map_or(start, |e| e + 1);
                l.splice(start..end, items);
                Ok(())
            } else if pos.len() == items.len() {
                for (p, it) in pos.into_iter().zip(items) {
                    l[p] = it;
                }
                Ok(())
            } else {
                Err(ExcObj::msg(
                    ExcType::ValueError,
                    format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        items.len(),
                        pos.len()
                    ),
                ))
            }
        }
        (Value::Dict(d), _) => {
            if !idx.is_hashable() {
                return Err(crate::vm::unhashable(&idx));
            }
            d.borrow_mut().insert(Key(idx), v);
            Ok(())
        }
        (Value::List(_), i) => Err(type_error(format!(
            "list indices must be integers or slices, not {}",
            i.type_name()
        ))),
        _ => Err(type_error(format!(
            "'{}' object does not support item assignment",
            obj.type_name()
        ))),
    }
}

pub(crate) fn delitem(obj: &Value, idx: &Value) -> Result<(), ExcRef> {
    match (obj, idx) {
        (Value::List(l), i) if int_of(i).is_some() => {
            let mut l = l.borrow_mut();
            let j = index(int_of(i).unwrap_or(0), l.len(), "list assignment")?;
            l.remove(j);
            Ok(())
        }
        (Value::List(l), Value::Slice(s)) => {
            let mut l = l.borrow_mut();
            let pos = slice_positions(s, l.len())?;
            let mut keep = vec![true; l.len()];
            for p in pos {
                keep[p] = false;
            }
            let mut it = keep.into_iter();
            l.retain(|_| it.next().unwrap_or(true));
            Ok(())
        }
        (Value::Dict(d), k) => {
            if !k.is_hashable() {
                return Err(crate::vm::unhashable(k));
            }
            match d.borrow_mut().shift_remove(&Key(k.clone())) {
                Some(_) => Ok(()),
                None => Err(ExcObj::new(ExcType::KeyError, vec![k.clone()])),
            }
        }
        _ => Err(type_error(format!(
            "'{}' object doesn't support item deletion",
            obj.type_name()
        ))),
    }
}

pub(crate) fn get_iter(v: &Value) -> Result<Value, ExcRef> {
    let it = match v {
        Value::Iter(_) | Value::Gen(_) => return Ok(v.clone()),
        Value::List(_) | Value::Tuple(_) => IterObj::Seq {
            seq: v.clone(),
            index: 0,
        },
        Value::Str(s) => IterObj::Chars {
            s: s.clone(),
            pos: 0,
        },
        Value::Range(r) => IterObj::Range {
            next: r.start,
            stop: r.stop,
            step: r.step,
        },
        Value::Dict(d) | Value::Set(d) => IterObj::Dict {
            dict: d.clone(),
            index: 0,
            len: d.borrow().len(),
            kind: crate::value::ViewKind::Keys,
            is_set: matches!(v, Value::Set(_)),
        },
        Value::View(v) => IterObj::Dict {
            dict: v.1.clone(),
            index: 0,
            len: v.1.borrow().len(),
            kind: v.0,
            is_set: false,
        },
        _ => {
            return Err(type_error(format!(
                "'{}' object is not iterable",
                v.type_name()
            )))
        }
    };
    Ok(Value::Iter(Rc::new(RefCell::new(it))))
}

/// The next number of a range iterator, `None` when it is done.
#[inline(always)]
fn range_next(next: &mut i64, stop: i64, step: i64) -> Option<i64> {
    if (step > 0 && *next < stop) || (step < 0 && *next > stop) {
        let v = *next;
        *next = next.saturating_add(step);
        Some(v)
    } else {
        None
    }
}

/// `iter_next` of a range iterator (most `for` loops), inline: `None` when
/// `it` is anything else (or in use), for `iter_next`.
#[inline(always)]
pub(crate) fn quick_range_next(it: &Value) -> Option<Option<i64>> {
    let Value::Iter(it) = it else {
        return None;
    };
    let mut it = it.try_borrow_mut().ok()?;
    match &mut *it {
        IterObj::Range { next, stop, step } => Some(range_next(next, *stop, *step)),
        _ => None,
    }
}

pub(crate) fn iter_next(vm: &mut Vm, it: &Value) -> Result<Option<Value>, ExcRef> {
    if let Value::Gen(g) = it {
        return vm.gen_next(g);
    }
    let Value::Iter(it) = it else {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            it.type_name()
        )));
    };
    let mut it = it.borrow_mut();
    match &mut *it {
        IterObj::Seq { seq, index } => {
            let v = match seq {
                Value::List(l) => l.borrow().get(*index).cloned(),
                Value::Tuple(t) => t.get(*index).cloned(),
                _ => None,
            };
            *index += 1;
            Ok(v)
        }
        IterObj::Reversed { list, left } => {
            let l = list.borrow();
            match left.checked_sub(1).and_then(|i| l.get(i)) {
                Some(v) => {
                    *left -= 1;
                    Ok(Some(v.clone()))
                }
                None => {
                    *left = 0;
                    Ok(None)
                }
            }
        }
        IterObj::Range { next, stop, step } => Ok(range_next(next, *stop, *step).map(Value::Int)),
        IterObj::Dict {
            dict,
            index,
            len,
            kind,
            is_set,
        } => {
            let d = dict.borrow();
            if d.len() != *len {
                *len = usize::MAX;
                let what = if *is_set { "Set" } else { "dictionary" };
                return Err(ExcObj::msg(
                    ExcType::RuntimeError,
                    format!("{what} changed size during iteration"),
                ));
            }
            let item = d.get_index(*index).map(|(k, v)| match kind {
                crate::value::ViewKind::Keys => k.0.clone(),
                crate::value::ViewKind::Values => v.clone(),
                crate::value::ViewKind::Items => Value::tuple(vec![k.0.clone(), v.clone()]),
            });
            *index += 1;
            Ok(item)
        }
        IterObj::Items { items, index } => {
            let v = items.get(*index).cloned();
            *index += 1;
            Ok(v)
        }
        IterObj::Chars { s, pos } => match s[*pos..].chars().next() {
            Some(c) => {
                *pos += c.len_utf8();
                Ok(Some(Value::str(c.encode_utf8(&mut [0; 4]))))
            }
            None => Ok(None),
        },
        IterObj::Enumerate { it: src, next } => {
            let (inner, n) = (src.clone(), *next);
            *next += 1;
            drop(it);
            Ok(iter_next(vm, &inner)?.map(|v| Value::tuple(vec![Value::Int(n), v])))
        }
        IterObj::Zip { its, strict } => {
            let (its, strict) = (its.clone(), *strict);
            drop(it);
            let mut row = Vec::with_capacity(its.len());
            for (i, it) in its.iter().enumerate() {
                match iter_next(vm, it)? {
                    Some(v) => row.push(v),
                    None => {
                        if strict {
                            if i > 0 {
                                return Err(ExcObj::msg(
                                    ExcType::ValueError,
                                    format!(
                                        "zip() argument {} is shorter than argument{} 1{}",
                                        i + 1,
                                        if i > 1 { "s" } else { "" },
                                        if i > 1 {
                                            format!("-{i}")
                                        } else {
                                            String::new()
                                        }
                                    ),
                                ));
                            }
                            for (j, other) in its.iter().enumerate().skip(1) {
                                if iter_next(vm, other)?.is_some() {
                                    return Err(ExcObj::msg(
                                        ExcType::ValueError,
                                        format!(
                                            "zip() argument {} is longer than argument{} 1{}",
                                            j + 1,
                                            if j > 1 { "s" } else { "" },
                                            if j > 1 {
                                                format!("-{j}")
                                            } else {
                                                String::new()
                                            }
                                        ),
                                    ));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            if its.is_empty() {
                return Ok(None);
            }
            Ok(Some(Value::tuple(row)))
        }
        IterObj::Map { f, its } => {
            let (f, its) = (f.clone(), its.clone());
            drop(it);
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match iter_next(vm, it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            Ok(Some(vm.call_sync(&f, args)?))
        }
        IterObj::Filter { f, it: src } => {
            let (f, inner) = (f.clone(), src.clone());
            drop(it);
            while let Some(v) = iter_next(vm, &inner)? {
                let keep = match &f {
                    Value::None => v.truthy(),
                    f => vm.call_sync(f, vec![v.clone()])?.truthy(),
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        IterObj::AsCompleted(state, yielded) => {
            let state = state.clone();
            let n = *yielded;
            *yielded += 1;
            drop(it);
            crate::asyncio::combinators::as_completed_next(vm, &state, n)
        }
    }
}

/// Iterate a value to the end.
/// Builtins (`sum`, `sorted`, `list`, `str.join`, …) read whole iterables
/// this way; their items count against the step budget (a step per
/// [`crate::vm::ITEMS_PER_STEP`]), so that builtins called over and over on
/// big lists stop like a loop would: otherwise
/// `sum(map(sum, [[0] * 10**4] * 10**4))` runs for seconds in one step.
pub(crate) fn collect(vm: &mut Vm, v: &Value) -> Result<Vec<Value>, ExcRef> {
    let out = collect_items(vm, v)?;
    vm.charge_steps(out.len() as u64 / crate::vm::ITEMS_PER_STEP)?;
    Ok(out)
}

fn collect_items(vm: &mut Vm, v: &Value) -> Result<Vec<Value>, ExcRef> {
    match v {
        Value::List(l) => return Ok(l.borrow().clone()),
        Value::Tuple(t) => return Ok(t.to_vec()),
        _ => {}
    }
    let it = get_iter(v)?;
    // Room for a few items at once: `gather(*(f(i) for i in range(10)))`
    // would otherwise grow the list three times.
    let mut out = Vec::with_capacity(16);
    while let Some(x) = iter_next(vm, &it)? {
        out.push(x);
        check_size(Built::List, out.len())?;
    }
    Ok(out)
}

pub(crate) fn make_set(items: Vec<Value>) -> Result<Value, ExcRef> {
    let mut d = Dict::default();
    for i in items {
        if !i.is_hashable() {
            return Err(crate::vm::unhashable(&i));
        }
        d.insert(Key(i), Value::None);
    }
    Ok(Value::Set(Rc::new(RefCell::new(d))))
}

pub(crate) fn getattr(vm: &mut Vm, obj: &Value, name: &str) -> Result<Value, ExcRef> {
    if let Some(v) = builtins::attribute(vm, obj, name)? {
        return Ok(v);
    }
    if builtins::has_method(obj, name) {
        return Ok(Value::Method(Rc::new((obj.clone(), Rc::from(name)))));
    }
    Err(match obj {
        Value::Obj(o)
            if matches!(**o, crate::asyncio::objects::AsyncObj::Executor(..))
                && matches!(name, "submit" | "map") =>
        {
            ExcObj::msg(
                ExcType::AttributeError,
                format!(
                    "'{}' object has no attribute '{name}' in loopscope: \
                     give the executor work with loop.run_in_executor(executor, fn, *args)",
                    obj.type_name()
                ),
            )
        }
        Value::Module(m) => ExcObj::msg(
            ExcType::AttributeError,
            format!("module '{}' has no attribute '{name}'", m.name()),
        ),
        Value::Type(t) => ExcObj::msg(
            ExcType::AttributeError,
            format!("type object '{}' has no attribute '{name}'", t.name()),
        ),
        _ => ExcObj::msg(
            ExcType::AttributeError,
            format!("'{}' object has no attribute '{name}'", obj.type_name()),
        ),
    })
}

/// `format(v, spec)` after an f-string conversion.
pub(crate) fn format_value(
    _vm: &mut Vm,
    v: &Value,
    conv: u32,
    spec: Option<&Value>,
) -> Result<String, ExcRef> {
    let converted;
    let v = match conv {
        1 => {
            converted = Value::str(&to_str(v));
            &converted
        }
        2 => {
            converted = Value::str(&repr(v));
            &converted
        }
        3 => {
            converted = Value::str(&match v {
                Value::Str(s) => pyfmt::str_ascii(s),
                other => repr(other),
            });
            &converted
        }
        _ => v,
    };
    let spec = match spec {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    format_with_spec(v, &spec)
}

pub(crate) fn format_with_spec(v: &Value, spec: &str) -> Result<String, ExcRef> {
    let err = |m: String| ExcObj::msg(ExcType::ValueError, m);
    match v {
        Value::Int(i) => pyfmt::format_int(*i, spec).map_err(err),
        Value::Bool(b) => pyfmt::format_bool(*b, spec).map_err(err),
        Value::Float(f) => pyfmt::format_float(*f, spec).map_err(err),
        Value::Str(s) => pyfmt::format_str(s, spec).map_err(err),
        other => {
            if spec.is_empty() {
                Ok(to_str(other))
            } else {
                Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    other.type_name()
                )))
            }
        }
    }
}

pub(crate) fn exc_matches(exc: &Value, cls: &Value) -> Result<bool, ExcRef> {
    let Value::Exc(e) = exc else { return Ok(false) };
    match cls {
        Value::Type(TypeId::Exc(t)) => Ok(e.is(*t)),
        Value::Tuple(items) => {
            for c in items.iter() {
                if exc_matches(exc, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(
            "catching classes that do not inherit from BaseException is not allowed".into(),
        )),
    }
}

pub(crate) fn to_exception(_vm: &mut Vm, v: Value) -> Result<ExcRef, ExcRef> {
    match v {
        Value::Exc(e) => Ok(e),
        Value::Type(TypeId::Exc(t)) => Ok(ExcObj::bare(t)),
        _ => Err(type_error(
            "exceptions must derive from BaseException".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo_follow_the_divisor_sign() {
        assert_eq!(int_floordiv(-7, 2).ok(), Some(-4));
        assert_eq!(int_mod(-7, 3).ok(), Some(2));
        assert_eq!(int_mod(7, -3).ok(), Some(-2));
        // CPython: -3.5 % 1.2 == 0.09999999999999987
        assert_eq!(float_mod(-3.5, 1.2), 0.09999999999999987);
        assert_eq!(float_floordiv(3.5, 1.2), 2.0);
        assert!(int_floordiv(1, 0).is_err());
        assert!(int_floordiv(i64::MIN, -1).is_err());
    }

    #[test]
    fn integer_overflow_is_an_overflow_error() {
        let r = binary(BinOp::Mult, Value::Int(i64::MAX), Value::Int(2), false);
        assert!(matches!(r, Err(e) if e.typ == ExcType::OverflowError));
        let r = binary(BinOp::Pow, Value::Int(2), Value::Int(64), false);
        assert!(matches!(r, Err(e) if e.typ == ExcType::OverflowError));
        assert!(matches!(
            binary(BinOp::Pow, Value::Int(2), Value::Int(62), false),
            Ok(Value::Int(4611686018427387904))
        ));
    }

    #[test]
    fn ordering_mixes_ints_and_floats_but_not_strings() {
        assert_eq!(
            compare(CmpOp::Lt, &Value::Int(1), &Value::Float(1.5)).ok(),
            Some(true)
        );
        assert_eq!(
            compare(CmpOp::Eq, &Value::Int(1), &Value::Float(1.0)).ok(),
            Some(true)
        );
        let e = compare(CmpOp::Lt, &Value::Int(1), &Value::str("a"));
        assert!(
            matches!(e, Err(e) if e.message() == "'<' not supported between instances of 'int' and 'str'")
        );
    }

    #[test]
    fn slices_clamp_like_python() {
        let s = (Value::Int(-2), Value::None, Value::None);
        assert_eq!(slice_positions(&s, 5).ok(), Some(vec![3, 4]));
        let s = (Value::None, Value::None, Value::Int(-1));
        assert_eq!(slice_positions(&s, 3).ok(), Some(vec![2, 1, 0]));
        let s = (Value::Int(10), Value::Int(20), Value::None);
        assert_eq!(slice_positions(&s, 3).ok(), Some(vec![]));
    }
}
