//! The global builtin functions (`print`, `len`, `sorted`, …) and the type constructors.

use std::cell::RefCell;
use std::rc::Rc;

use super::{arg_count, check_kwargs, kwarg, Builtin};
use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::ops::{self, collect, order};
use crate::pyfmt;
use crate::syntax::ast::CmpOp;
use crate::trace::BlockKind;
use crate::value::{py_eq, repr, to_str, Dict, IterObj, Key, RangeObj, TypeId, Value};
use crate::vm::{Called, Kwargs, Vm};

fn type_err(m: impl Into<String>) -> ExcRef {
    ExcObj::msg(ExcType::TypeError, m.into())
}

fn value_err(m: impl Into<String>) -> ExcRef {
    ExcObj::msg(ExcType::ValueError, m.into())
}

pub(crate) fn items_iter(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(IterObj::Items { items, index: 0 })))
}

/// An argument of `randrange`/`randint` as Python 3.11 takes it: an int, or a
/// float with an integral value (deprecated there, still accepted).
fn rr_int(v: &Value, what: &str) -> Result<i64, ExcRef> {
    match v {
        Value::Float(f) if f.is_nan() => Err(value_err("cannot convert float NaN to integer")),
        Value::Float(f) if f.is_infinite() => Err(ExcObj::msg(
            ExcType::OverflowError,
            "cannot convert float infinity to integer",
        )),
        Value::Float(f) if f.fract() != 0.0 => {
            Err(value_err(format!("non-integer {what} for randrange()")))
        }
        Value::Float(f) if f.abs() < 9.0e18 => Ok(*f as i64),
        // Not an index: Python 3.11 tries int(v), which never equals a str.
        Value::Str(t) if !matches!(pyfmt::parse_int(t, 10), Err(pyfmt::ParseIntError::Invalid)) => {
            Err(value_err(format!("non-integer {what} for randrange()")))
        }
        Value::Str(_) => Err(value_err(format!(
            "invalid literal for int() with base 10: {}",
            crate::value::repr(v)
        ))),
        v => v.as_int().ok_or_else(|| {
            type_err(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                v.type_name()
            ))
        }),
    }
}

fn seconds(fname: &str, v: &Value) -> Result<f64, ExcRef> {
    v.as_float().ok_or_else(|| {
        type_err(format!(
            "'{}' object cannot be interpreted as a number of seconds in {fname}()",
            v.type_name()
        ))
    })
}

/// Sort values (by keys if given) as CPython's `list.sort` does: every key
/// first, then the comparisons CPython makes, in its order (`crate::sort`).
/// On failure, also the items as CPython leaves its list: as they were if a
/// key raised, partly sorted if a comparison did.
pub(crate) fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> Result<Vec<Value>, (Vec<Value>, ExcRef)> {
    let keys = match key {
        Some(k) if !matches!(k, Value::None) => {
            let mut ks = Vec::with_capacity(items.len());
            for i in &items {
                match vm.call_sync(k, vec![i.clone()]) {
                    Ok(v) => ks.push(v),
                    Err(e) => return Err((items, e)),
                }
            }
            ks
        }
        _ => items.clone(),
    };
    // CPython reverses the list, sorts it stably and reverses it back, so
    // equal items keep their order under `reverse=True`.
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut err = None;
    let done = crate::sort::timsort(&mut idx, &mut |a, b| match ops::compare(
        CmpOp::Lt,
        &keys[a],
        &keys[b],
    ) {
        Ok(lt) => Some(lt),
        Err(e) => {
            err = Some(e);
            None
        }
    });
    if reverse {
        idx.reverse();
    }
    let sorted = crate::sort::permuted(items, &idx);
    match err {
        Some(e) if !done => Err((sorted, e)),
        _ => Ok(sorted),
    }
}

fn min_max(vm: &mut Vm, args: Vec<Value>, kwargs: &Kwargs, is_max: bool) -> Result<Value, ExcRef> {
    let fname = if is_max { "max" } else { "min" };
    check_kwargs(fname, kwargs, &["key", "default"])?;
    let items = if args.len() == 1 {
        collect(vm, &args[0])?
    } else {
        args
    };
    if items.is_empty() {
        return match kwarg(kwargs, "default") {
            Some(d) => Ok(d.clone()),
            None => Err(value_err(format!("{fname}() arg is an empty sequence"))),
        };
    }
    let key = kwarg(kwargs, "key")
        .filter(|k| !matches!(k, Value::None))
        .cloned();
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call_sync(k, vec![best.clone()])?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call_sync(kf, vec![it.clone()])?,
            None => it.clone(),
        };
        let o = order(&k, &best_key).ok_or_else(|| {
            let (x, y) = ops::incomparable_items(&k, &best_key);
            type_err(format!(
                "'{}' not supported between instances of '{x}' and '{y}'",
                if is_max { ">" } else { "<" }
            ))
        })?;
        if (is_max && o == std::cmp::Ordering::Greater)
            || (!is_max && o == std::cmp::Ordering::Less)
        {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

pub(crate) fn isinstance_of(v: &Value, cls: &Value) -> Result<bool, ExcRef> {
    match cls {
        Value::Tuple(items) => {
            for c in items.iter() {
                if isinstance_of(v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Type(t) => Ok(match (v.type_id(), t) {
            (_, TypeId::Object) => true,
            (TypeId::Exc(a), TypeId::Exc(b)) => a.is_subclass_of(*b),
            (TypeId::Bool, TypeId::Int) => true,
            (TypeId::Task, TypeId::Future) => true,
            (a, b) => a == *b,
        }),
        _ => Err(type_err(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

/// `acc + item` in `sum`: two ints that do not overflow added here (`1 +
/// sum(counts)` of a gather tree's every node), anything else by `ops::binary`.
#[inline]
fn sum_add(acc: Value, item: &Value) -> Result<Value, ExcRef> {
    if let (Value::Int(a), Value::Int(b)) = (&acc, item) {
        if let Some(s) = a.checked_add(*b) {
            return Ok(Value::Int(s));
        }
    }
    ops::binary(crate::syntax::ast::BinOp::Add, acc, item.clone(), false)
}

/// `sum` over the items of a list or a tuple, where they are, charging the
/// steps `collect` would.
fn sum_items(vm: &mut Vm, mut acc: Value, items: &[Value]) -> Result<Value, ExcRef> {
    vm.charge_steps(items.len() as u64 / crate::vm::ITEMS_PER_STEP)?;
    for it in items {
        acc = sum_add(acc, it)?;
    }
    Ok(acc)
}

pub(crate) fn call(
    vm: &mut Vm,
    b: Builtin,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> Result<Called, ExcRef> {
    use Builtin as B;
    let v = match b {
        B::Print => {
            check_kwargs("print", &kwargs, &["sep", "end", "flush", "file"])?;
            let sep = match kwarg(&kwargs, "sep") {
                None | Some(Value::None) => " ".to_string(),
                Some(Value::Str(s)) => s.to_string(),
                Some(o) => {
                    return Err(type_err(format!(
                        "sep must be None or a string, not {}",
                        o.type_name()
                    )))
                }
            };
            let end = match kwarg(&kwargs, "end") {
                None | Some(Value::None) => "\n".to_string(),
                Some(Value::Str(s)) => s.to_string(),
                Some(o) => {
                    return Err(type_err(format!(
                        "end must be None or a string, not {}",
                        o.type_name()
                    )))
                }
            };
            let mut out = String::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(&to_str(a));
            }
            out.push_str(&end);
            vm.write_out(&out);
            Value::None
        }
        B::Len => {
            arg_count("len", &args, 1, 1)?;
            let n = match &args[0] {
                Value::Str(s) => s.chars().count(),
                Value::List(l) => l.borrow().len(),
                Value::Tuple(t) => t.len(),
                Value::Dict(d) | Value::Set(d) => d.borrow().len(),
                Value::Range(r) => r.len() as usize,
                Value::View(v) => v.1.borrow().len(),
                Value::Obj(o) => match &**o {
                    crate::asyncio::objects::AsyncObj::Queue(q) => q.borrow().items.len(),
                    _ => {
                        return Err(type_err(format!(
                            "object of type '{}' has no len()",
                            args[0].type_name()
                        )))
                    }
                },
                other => {
                    return Err(type_err(format!(
                        "object of type '{}' has no len()",
                        other.type_name()
                    )))
                }
            };
            Value::Int(n as i64)
        }
        B::Repr => {
            arg_count("repr", &args, 1, 1)?;
            Value::str(&repr(&args[0]))
        }
        B::Abs => {
            arg_count("abs", &args, 1, 1)?;
            match &args[0] {
                Value::Int(i) => Value::Int(i.checked_abs().ok_or_else(ops::overflow)?),
                Value::Bool(b) => Value::Int(*b as i64),
                Value::Float(f) => Value::Float(f.abs()),
                o => {
                    return Err(type_err(format!(
                        "bad operand type for abs(): '{}'",
                        o.type_name()
                    )))
                }
            }
        }
        B::Min | B::Max => {
            if args.is_empty() {
                return Err(type_err(format!(
                    "{} expected at least 1 argument, got 0",
                    b.name()
                )));
            }
            min_max(vm, args, &kwargs, b == B::Max)?
        }
        B::Sum => {
            check_kwargs("sum", &kwargs, &["start"])?;
            arg_count("sum", &args, 1, 2)?;
            let mut acc = args
                .get(1)
                .cloned()
                .or_else(|| kwarg(&kwargs, "start").cloned())
                .unwrap_or(Value::Int(0));
            if let Value::Str(_) = acc {
                return Err(type_err(
                    "sum() can't sum strings [use ''.join(seq) instead]",
                ));
            }
            // A list's or a tuple's items are added where they are rather
            // than copied out first (`collect`): nothing an addition does can
            // change the list. The same steps are charged as `collect` does.
            match &args[0] {
                Value::List(l) => acc = sum_items(vm, acc, &l.borrow())?,
                Value::Tuple(t) => acc = sum_items(vm, acc, t)?,
                other => {
                    for it in collect(vm, other)? {
                        acc = ops::binary(crate::syntax::ast::BinOp::Add, acc, it, false)?;
                    }
                }
            }
            acc
        }
        B::Round => {
            check_kwargs("round", &kwargs, &["ndigits"])?;
            arg_count("round", &args, 1, 2)?;
            let nd = args
                .get(1)
                .cloned()
                .or_else(|| kwarg(&kwargs, "ndigits").cloned())
                .unwrap_or(Value::None);
            round(&args[0], &nd)?
        }
        B::Sorted => {
            check_kwargs("sorted", &kwargs, &["key", "reverse"])?;
            if args.len() != 1 {
                return Err(type_err(format!(
                    "sorted expected 1 argument, got {}",
                    args.len()
                )));
            }
            let items = collect(vm, &args[0])?;
            let rev = kwarg(&kwargs, "reverse").is_some_and(|v| v.truthy());
            Value::list(sort_values(vm, items, kwarg(&kwargs, "key"), rev).map_err(|(_, e)| e)?)
        }
        B::Reversed => {
            arg_count("reversed", &args, 1, 1)?;
            let mut items = match &args[0] {
                Value::List(l) => {
                    let left = l.borrow().len();
                    return Ok(Called::Value(Value::Iter(Rc::new(RefCell::new(
                        IterObj::Reversed {
                            list: l.clone(),
                            left,
                        },
                    )))));
                }
                Value::Tuple(_) | Value::Range(_) | Value::Str(_) => collect(vm, &args[0])?,
                Value::Dict(d) => d.borrow().keys().map(|k| k.0.clone()).collect(),
                Value::View(_) => collect(vm, &args[0])?,
                o => {
                    return Err(type_err(format!(
                        "'{}' object is not reversible",
                        o.type_name()
                    )))
                }
            };
            items.reverse();
            items_iter(items)
        }
        B::Enumerate => {
            check_kwargs("enumerate", &kwargs, &["start"])?;
            arg_count("enumerate", &args, 1, 2)?;
            let start = args
                .get(1)
                .or_else(|| kwarg(&kwargs, "start"))
                .map_or(Some(0), |v| v.as_int());
            let Some(start) = start else {
                return Err(type_err(
                    "'float' object cannot be interpreted as an integer",
                ));
            };
            let it = ops::get_iter(&args[0])?;
            Value::Iter(Rc::new(RefCell::new(IterObj::Enumerate {
                it,
                next: start,
            })))
        }
        B::Zip => {
            check_kwargs("zip", &kwargs, &["strict"])?;
            let strict = kwarg(&kwargs, "strict").is_some_and(|v| v.truthy());
            let mut its = Vec::with_capacity(args.len());
            for a in &args {
                its.push(ops::get_iter(a)?);
            }
            Value::Iter(Rc::new(RefCell::new(IterObj::Zip { its, strict })))
        }
        B::Isinstance => {
            if args.len() != 2 {
                return Err(type_err(format!(
                    "isinstance expected 2 arguments, got {}",
                    args.len()
                )));
            }
            Value::Bool(isinstance_of(&args[0], &args[1])?)
        }
        B::Any | B::All => {
            arg_count(b.name(), &args, 1, 1)?;
            // Lazily, stopping at the first deciding item (generators matter).
            let it = ops::get_iter(&args[0])?;
            let want = b == B::Any;
            let mut result = !want;
            while let Some(v) = ops::iter_next(vm, &it)? {
                if v.truthy() == want {
                    result = want;
                    break;
                }
            }
            Value::Bool(result)
        }
        B::Map => {
            if args.len() < 2 {
                return Err(type_err("map() must have at least two arguments."));
            }
            let mut its = Vec::with_capacity(args.len() - 1);
            for a in &args[1..] {
                its.push(ops::get_iter(a)?);
            }
            Value::Iter(Rc::new(RefCell::new(IterObj::Map {
                f: args[0].clone(),
                its,
            })))
        }
        B::Filter => {
            arg_count("filter", &args, 2, 2)?;
            let it = ops::get_iter(&args[1])?;
            Value::Iter(Rc::new(RefCell::new(IterObj::Filter {
                f: args[0].clone(),
                it,
            })))
        }
        B::Iter => {
            arg_count("iter", &args, 1, 1)?;
            ops::get_iter(&args[0])?
        }
        B::Next => {
            arg_count("next", &args, 1, 2)?;
            match ops::iter_next(vm, &args[0])? {
                Some(v) => v,
                None => match args.get(1) {
                    Some(d) => d.clone(),
                    None => return Err(ExcObj::bare(ExcType::StopIteration)),
                },
            }
        }
        B::Divmod => {
            arg_count("divmod", &args, 2, 2)?;
            if matches!(
                (&args[0], &args[1]),
                (Value::Float(_), _) | (_, Value::Float(_))
            ) && args[1].as_float() == Some(0.0)
            {
                return Err(ExcObj::msg(ExcType::ZeroDivisionError, "float divmod()"));
            }
            let q = ops::binary(
                crate::syntax::ast::BinOp::FloorDiv,
                args[0].clone(),
                args[1].clone(),
                false,
            )?;
            let r = ops::binary(
                crate::syntax::ast::BinOp::Mod,
                args[0].clone(),
                args[1].clone(),
                false,
            )?;
            Value::tuple(vec![q, r])
        }
        B::Pow if args.len() == 3 => {
            let (Some(b), Some(e), Some(m)) =
                (args[0].as_int(), args[1].as_int(), args[2].as_int())
            else {
                return Err(type_err(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if m == 0 {
                return Err(value_err("pow() 3rd argument cannot be 0"));
            }
            if e < 0 {
                return Err(value_err(
                    "loopscope supports pow(base, exp, mod) with exp >= 0 only",
                ));
            }
            // Square-and-multiply in 128-bit, then Python's sign rule for the modulus.
            let (mut result, mut base, mut exp, m128) =
                (1i128, (b as i128).rem_euclid(m as i128), e, m as i128);
            while exp > 0 {
                if exp & 1 == 1 {
                    result = (result * base).rem_euclid(m128.abs());
                }
                base = (base * base).rem_euclid(m128.abs());
                exp >>= 1;
            }
            let r = result.rem_euclid(m128.abs()) as i64;
            Value::Int(if m < 0 && r != 0 { r + m } else { r })
        }
        B::Hex | B::Oct | B::Bin => {
            arg_count(b.name(), &args, 1, 1)?;
            let i = args[0].as_int().ok_or_else(|| {
                type_err(format!(
                    "'{}' object cannot be interpreted as an integer",
                    args[0].type_name()
                ))
            })?;
            let spec = match b {
                B::Hex => "#x",
                B::Oct => "#o",
                _ => "#b",
            };
            Value::str(&pyfmt::format_int(i, spec).map_err(value_err)?)
        }
        B::Pow => {
            arg_count("pow", &args, 2, 3)?;
            ops::binary(
                crate::syntax::ast::BinOp::Pow,
                args[0].clone(),
                args[1].clone(),
                false,
            )?
        }
        B::Chr => {
            arg_count("chr", &args, 1, 1)?;
            let c = args[0]
                .as_int()
                .and_then(|i| u32::try_from(i).ok())
                .and_then(char::from_u32);
            match c {
                Some(c) => Value::str(&c.to_string()),
                None => return Err(value_err("chr() arg not in range(0x110000)")),
            }
        }
        B::Ord => {
            arg_count("ord", &args, 1, 1)?;
            match &args[0] {
                Value::Str(s) if s.chars().count() == 1 => {
                    Value::Int(s.chars().next().map_or(0, |c| c as i64))
                }
                Value::Str(s) => {
                    return Err(type_err(format!(
                        "ord() expected a character, but string of length {} found",
                        s.chars().count()
                    )))
                }
                o => {
                    return Err(type_err(format!(
                        "ord() expected string of length 1, but {} found",
                        o.type_name()
                    )))
                }
            }
        }
        B::Hash => {
            arg_count("hash", &args, 1, 1)?;
            Value::Int(vm.hash_of(&args[0])?)
        }
        B::Id => {
            arg_count("id", &args, 1, 1)?;
            Value::Int(vm.id_of(&args[0]))
        }
        B::Callable => {
            arg_count("callable", &args, 1, 1)?;
            Value::Bool(matches!(
                args[0],
                Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_)
            ))
        }
        B::Format => {
            arg_count("format", &args, 1, 2)?;
            let spec = match args.get(1) {
                Some(Value::Str(s)) => s.to_string(),
                Some(o) => {
                    return Err(type_err(format!(
                        "format() argument 2 must be str, not {}",
                        o.type_name()
                    )))
                }
                None => String::new(),
            };
            Value::str(&ops::format_with_spec(&args[0], &spec)?)
        }
        B::DictFromkeys => {
            arg_count("fromkeys", &args, 1, 2)?;
            let value = args.get(1).cloned().unwrap_or(Value::None);
            let mut d = Dict::default();
            for k in collect(vm, &args[0])? {
                if !k.is_hashable() {
                    return Err(crate::vm::unhashable(&k));
                }
                d.insert(Key(k), value.clone());
            }
            Value::Dict(Rc::new(RefCell::new(d)))
        }
        B::Cpu => {
            arg_count("cpu", &args, 1, 1)?;
            let s = seconds("cpu", &args[0])?;
            if s < 0.0 || s.is_nan() {
                return Err(value_err("cpu() seconds must be non-negative"));
            }
            return Ok(Called::Block(BlockKind::Cpu, s));
        }
        B::TimeSleep => {
            arg_count("sleep", &args, 1, 1)?;
            let s = seconds("sleep", &args[0])?;
            if s < 0.0 || s.is_nan() {
                return Err(value_err("sleep length must be non-negative"));
            }
            return Ok(Called::Block(BlockKind::Sleep, s));
        }
        B::Monotonic => Value::Float(vm.lp.now),
        B::Seed
        | B::Random
        | B::Uniform
        | B::Randint
        | B::Randrange
        | B::Choice
        | B::Shuffle
        | B::Sample => random(vm, b, &args, &kwargs)?,
        B::ThreadPoolExecutor | B::ProcessPoolExecutor => {
            check_kwargs(b.name(), &kwargs, &["max_workers", "thread_name_prefix"])?;
            arg_count(b.name(), &args, 0, 1)?;
            let processes = b == B::ProcessPoolExecutor;
            let default = if processes {
                vm.machine.cores
            } else {
                (vm.machine.cores + 4).min(32)
            };
            let n = match args.first().or_else(|| kwarg(&kwargs, "max_workers")) {
                None | Some(Value::None) => default as i64,
                Some(v) => v
                    .as_int()
                    .ok_or_else(|| type_err("max_workers must be an integer"))?,
            };
            if n <= 0 {
                return Err(value_err("max_workers must be greater than 0"));
            }
            let kind = if processes {
                crate::machine::PoolKind::Processes
            } else {
                crate::machine::PoolKind::Threads
            };
            let id = vm.new_executor(kind, n.min(1024) as u32);
            Value::Obj(Rc::new(crate::asyncio::objects::AsyncObj::Executor(
                id, processes,
            )))
        }
        other => {
            return Err(type_err(format!(
                "{}() is not available here",
                other.name()
            )))
        }
    };
    Ok(Called::Value(v))
}

fn round(x: &Value, nd: &Value) -> Result<Value, ExcRef> {
    match (x, nd) {
        (Value::Int(_) | Value::Bool(_), Value::None) => Ok(Value::Int(x.as_int().unwrap_or(0))),
        (Value::Int(i), n) if n.as_int().is_some() => {
            let n = n.as_int().unwrap_or(0);
            if n >= 0 {
                return Ok(Value::Int(*i));
            }
            if n < -18 {
                return Ok(Value::Int(0));
            }
            let p = 10i64.pow((-n) as u32);
            let q = ops::int_floordiv(*i, p)?;
            let r = i - q * p;
            let half = p / 2;
            let q = if r > half || (r == half && q % 2 != 0) {
                q + 1
            } else {
                q
            };
            q.checked_mul(p).map(Value::Int).ok_or_else(ops::overflow)
        }
        (Value::Float(f), Value::None) => match pyfmt::round_half_even(*f) {
            Ok(r) => {
                if r.abs() >= 9.223372036854776e18 {
                    Err(ops::overflow())
                } else {
                    Ok(Value::Int(r as i64))
                }
            }
            Err(e) => Err(float_to_int_error(e)),
        },
        (Value::Float(f), n) if n.as_int().is_some() => {
            match pyfmt::round_float(*f, n.as_int().unwrap_or(0)) {
                Ok(r) => Ok(Value::Float(r)),
                Err(e) => Err(ExcObj::msg(ExcType::OverflowError, e.message())),
            }
        }
        (Value::Int(_) | Value::Float(_) | Value::Bool(_), n) => Err(type_err(format!(
            "'{}' object cannot be interpreted as an integer",
            n.type_name()
        ))),
        (o, _) => Err(type_err(format!(
            "type {} doesn't define __round__ method",
            o.type_name()
        ))),
    }
}

fn float_to_int_error(e: pyfmt::FloatToIntError) -> ExcRef {
    let typ = if e.exc_type() == "ValueError" {
        ExcType::ValueError
    } else {
        ExcType::OverflowError
    };
    ExcObj::msg(typ, e.message())
}

fn random(vm: &mut Vm, b: Builtin, args: &[Value], kwargs: &Kwargs) -> Result<Value, ExcRef> {
    use Builtin as B;
    let int = |v: &Value| {
        v.as_int().ok_or_else(|| {
            type_err(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ))
        })
    };
    let num = |v: &Value| {
        v.as_float()
            .ok_or_else(|| type_err(format!("must be real number, not {}", v.type_name())))
    };
    let _ = kwargs;
    Ok(match b {
        B::Seed => {
            match args.first() {
                None | Some(Value::None) => vm.rng.seed_int(0),
                Some(Value::Int(i)) => vm.rng.seed_int(*i),
                Some(Value::Bool(x)) => vm.rng.seed_int(*x as i64),
                Some(Value::Float(f)) => vm.rng.seed_float(*f),
                Some(Value::Str(s)) => vm.rng.seed_str(s),
                Some(o) => {
                    return Err(type_err(format!(
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. Got {}",
                        o.type_name()
                    )))
                }
            }
            Value::None
        }
        B::Random => {
            arg_count("random", args, 0, 0)?;
            Value::Float(vm.rng.random())
        }
        B::Uniform => {
            arg_count("uniform", args, 2, 2)?;
            Value::Float(vm.rng.uniform(num(&args[0])?, num(&args[1])?))
        }
        B::Randint => {
            arg_count("randint", args, 2, 2)?;
            // randint(a, b) is randrange(a, b + 1): b's errors are the stop's.
            let a = rr_int(&args[0], "arg 1")?;
            let b = match &args[1] {
                Value::Float(f) => rr_int(&Value::Float(f + 1.0), "stop")? - 1,
                v => rr_int(v, "stop")?,
            };
            Value::Int(vm.rng.randint(a, b).map_err(value_err)?)
        }
        B::Randrange => {
            arg_count("randrange", args, 1, 3)?;
            let (start, stop) = match args.len() {
                1 => (0, rr_int(&args[0], "arg 1")?),
                _ => (rr_int(&args[0], "arg 1")?, rr_int(&args[1], "stop")?),
            };
            let step = match args.get(2) {
                Some(s) => rr_int(s, "step")?,
                None => 1,
            };
            if args.len() == 1 {
                Value::Int(vm.rng.randrange(stop, None, 1).map_err(value_err)?)
            } else {
                Value::Int(
                    vm.rng
                        .randrange(start, Some(stop), step)
                        .map_err(value_err)?,
                )
            }
        }
        B::Choice => {
            arg_count("choice", args, 1, 1)?;
            let items = match &args[0] {
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) => {
                    crate::ops::collect(vm, &args[0])?
                }
                o => {
                    return Err(type_err(format!(
                        "'{}' object is not subscriptable",
                        o.type_name()
                    )))
                }
            };
            let i = vm
                .rng
                .choice_index(items.len())
                .map_err(|m| ExcObj::msg(ExcType::IndexError, m))?;
            items[i].clone()
        }
        B::Shuffle => {
            arg_count("shuffle", args, 1, 1)?;
            match &args[0] {
                Value::List(l) => {
                    let mut items = l.borrow().clone();
                    vm.rng.shuffle(&mut items);
                    *l.borrow_mut() = items;
                }
                o => {
                    return Err(type_err(format!(
                        "'{}' object does not support item assignment",
                        o.type_name()
                    )))
                }
            }
            Value::None
        }
        B::Sample => {
            arg_count("sample", args, 2, 2)?;
            let items = crate::ops::collect(vm, &args[0])?;
            let k = int(&args[1])?;
            if k < 0 || k as usize > items.len() {
                return Err(value_err("Sample larger than population or is negative"));
            }
            let idx = vm
                .rng
                .sample_indices(items.len(), k as usize)
                .map_err(value_err)?;
            Value::list(idx.into_iter().map(|i| items[i].clone()).collect())
        }
        _ => Value::None,
    })
}

/// `printf`-style `str % args` for the common conversions.
pub(crate) fn percent_format(fmt: &str, args: &Value) -> Result<Value, ExcRef> {
    let mapping = if let Value::Dict(d) = args {
        Some(d.clone())
    } else {
        None
    };
    let args: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let mut out = String::new();
    let mut it = args.into_iter();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        let mut keyed = None;
        if chars.peek() == Some(&'(') {
            chars.next();
            let mut key = String::new();
            loop {
                match chars.next() {
                    Some(')') => break,
                    Some(ch) => key.push(ch),
                    None => return Err(value_err("incomplete format key")),
                }
            }
            let Some(d) = &mapping else {
                return Err(type_err("format requires a mapping"));
            };
            let v = d.borrow().get(&Key(Value::str(&key))).cloned();
            keyed = Some(v.ok_or_else(|| ExcObj::new(ExcType::KeyError, vec![Value::str(&key)]))?);
        }
        let conv = loop {
            match chars.next() {
                Some(ch) if "-+ #0123456789.".contains(ch) => spec.push(ch),
                Some(ch) => break ch,
                None => return Err(value_err("incomplete format")),
            }
        };
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match keyed {
            Some(v) => v,
            None => it
                .next()
                .ok_or_else(|| type_err("not enough arguments for format string"))?,
        };
        // Flags come first; then width and precision (whose zeros are digits, not flags).
        let split = spec
            .find(|c: char| !"-+ #0".contains(c))
            .unwrap_or(spec.len());
        let (flags, rest) = (spec[..split].to_string(), spec[split..].to_string());
        let align = if flags.contains('-') { "<" } else { ">" };
        let zero = if flags.contains('0') && !flags.contains('-') {
            "0"
        } else {
            ""
        };
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let s = match conv {
            's' => pyfmt::format_str(&to_str(&v), &format!("{align}{rest}")).map_err(value_err)?,
            'r' => pyfmt::format_str(&repr(&v), &format!("{align}{rest}")).map_err(value_err)?,
            'd' | 'i' => {
                let i = match &v {
                    Value::Float(f) => *f as i64,
                    o => o.as_int().ok_or_else(|| {
                        type_err(format!(
                            "%d format: a real number is required, not {}",
                            o.type_name()
                        ))
                    })?,
                };
                pyfmt::format_int(
                    i,
                    &format!(
                        "{}{sign}{zero}{rest}d",
                        if zero.is_empty() { align } else { "" }
                    ),
                )
                .map_err(value_err)?
            }
            'f' | 'e' | 'g' | 'F' | 'E' | 'G' => {
                let f = v.as_float().ok_or_else(|| {
                    type_err(format!("must be real number, not {}", v.type_name()))
                })?;
                let rest = if rest.contains('.') {
                    rest
                } else {
                    format!("{rest}.6")
                };
                pyfmt::format_float(
                    f,
                    &format!(
                        "{}{sign}{zero}{rest}{conv}",
                        if zero.is_empty() { align } else { "" }
                    ),
                )
                .map_err(value_err)?
            }
            'x' | 'X' | 'o' => {
                let i = v.as_int().ok_or_else(|| {
                    type_err(format!(
                        "%{conv} format: an integer is required, not {}",
                        v.type_name()
                    ))
                })?;
                pyfmt::format_int(i, &format!("{align}{sign}{rest}{conv}")).map_err(value_err)?
            }
            'c' => {
                let c = match &v {
                    Value::Str(s) if s.chars().count() == 1 => s.to_string(),
                    other => match other
                        .as_int()
                        .and_then(|i| u32::try_from(i).ok())
                        .and_then(char::from_u32)
                    {
                        Some(c) => c.to_string(),
                        None => return Err(type_err("%c requires an int or a unicode character")),
                    },
                };
                pyfmt::format_str(&c, &format!("{align}{rest}")).map_err(value_err)?
            }
            other => return Err(value_err(format!("unsupported format character '{other}'"))),
        };
        out.push_str(&s);
    }
    if mapping.is_none() && it.next().is_some() {
        return Err(type_err(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Value::str(&out))
}

fn to_int(vm: &mut Vm, args: &[Value]) -> Result<Value, ExcRef> {
    let _ = vm;
    match args {
        [] => Ok(Value::Int(0)),
        [Value::Int(i)] => Ok(Value::Int(*i)),
        [Value::Bool(b)] => Ok(Value::Int(*b as i64)),
        [Value::Float(f)] => {
            if !f.is_finite() {
                Err(float_to_int_error(if f.is_nan() {
                    pyfmt::FloatToIntError::NaN
                } else {
                    pyfmt::FloatToIntError::Infinity
                }))
            } else if f.abs() >= 9.223372036854776e18 {
                Err(ops::overflow())
            } else {
                Ok(Value::Int(f.trunc() as i64))
            }
        }
        [Value::Str(s)] | [Value::Str(s), _] => {
            let base = match args.get(1) {
                Some(b) => b
                    .as_int()
                    .ok_or_else(|| type_err("'str' object cannot be interpreted as an integer"))?,
                None => 10,
            };
            if base != 0 && !(2..=36).contains(&base) {
                return Err(value_err("int() base must be >= 2 and <= 36, or 0"));
            }
            match pyfmt::parse_int(s, base as u32) {
                Ok(i) => Ok(Value::Int(i)),
                Err(pyfmt::ParseIntError::Overflow) => Err(ops::overflow()),
                Err(e) => Err(value_err(e.message(s, base as u32))),
            }
        }
        [o] => Err(type_err(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            o.type_name()
        ))),
        _ => Err(type_err(
            "int() can't convert non-string with explicit base",
        )),
    }
}

pub(crate) fn construct(
    vm: &mut Vm,
    t: TypeId,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> Result<Value, ExcRef> {
    if let TypeId::Exc(e) = t {
        if matches!(e, ExcType::ExceptionGroup | ExcType::BaseExceptionGroup) {
            arg_count(e.name(), &args, 2, 2)?;
            let excs = collect(vm, &args[1])?;
            if excs.is_empty() || !excs.iter().all(|x| matches!(x, Value::Exc(_))) {
                return Err(value_err(
                    "second argument (exceptions) must be a non-empty sequence",
                ));
            }
            let msg = to_str(&args[0]);
            // BaseExceptionGroup of plain Exceptions is an ExceptionGroup, as in CPython.
            let all_exceptions = excs
                .iter()
                .all(|x| matches!(x, Value::Exc(x) if x.is(ExcType::Exception)));
            let e = if all_exceptions {
                ExcType::ExceptionGroup
            } else {
                e
            };
            return Ok(Value::Exc(ExcObj::group(e, &msg, excs)));
        }
        return Ok(Value::Exc(ExcObj::new(e, args)));
    }
    let name = t.name();
    let mut args = args;
    if t == TypeId::Int {
        check_kwargs(name, &kwargs, &["base"])?;
        if let Some(b) = kwarg(&kwargs, "base") {
            if args.is_empty() {
                return Err(type_err("int() missing string argument"));
            }
            args.push(b.clone());
        }
    } else if t != TypeId::Dict {
        check_kwargs(name, &kwargs, &[])?;
    }
    Ok(match t {
        TypeId::Int => {
            arg_count("int", &args, 0, 2)?;
            to_int(vm, &args)?
        }
        TypeId::Float => {
            arg_count("float", &args, 0, 1)?;
            match args.first() {
                None => Value::Float(0.0),
                Some(Value::Str(s)) => match pyfmt::parse_float(s) {
                    Some(f) => Value::Float(f),
                    None => return Err(value_err(pyfmt::float_parse_error(s))),
                },
                Some(v) => match v.as_float() {
                    Some(f) => Value::Float(f),
                    None => {
                        return Err(type_err(format!(
                            "float() argument must be a string or a real number, not '{}'",
                            v.type_name()
                        )))
                    }
                },
            }
        }
        TypeId::Str => {
            arg_count("str", &args, 0, 1)?;
            Value::str(&args.first().map(to_str).unwrap_or_default())
        }
        TypeId::Bool => {
            arg_count("bool", &args, 0, 1)?;
            Value::Bool(args.first().is_some_and(|v| v.truthy()))
        }
        TypeId::List => {
            arg_count("list", &args, 0, 1)?;
            Value::list(match args.first() {
                Some(v) => collect(vm, v)?,
                None => Vec::new(),
            })
        }
        TypeId::Tuple => {
            arg_count("tuple", &args, 0, 1)?;
            Value::tuple(match args.first() {
                Some(v) => collect(vm, v)?,
                None => Vec::new(),
            })
        }
        TypeId::Set => {
            arg_count("set", &args, 0, 1)?;
            ops::make_set(match args.first() {
                Some(v) => collect(vm, v)?,
                None => Vec::new(),
            })?
        }
        TypeId::Dict => {
            arg_count("dict", &args, 0, 1)?;
            let mut d = Dict::default();
            match args.first() {
                Some(Value::Dict(src)) => {
                    d.extend(src.borrow().iter().map(|(k, v)| (k.clone(), v.clone())))
                }
                Some(v) => {
                    for (i, pair) in collect(vm, v)?.into_iter().enumerate() {
                        let kv = collect(vm, &pair).map_err(|_| {
                            type_err(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
                        })?;
                        if kv.len() != 2 {
                            return Err(value_err(format!(
                                "dictionary update sequence element #{i} has length {}; 2 is required",
                                kv.len()
                            )));
                        }
                        if !kv[0].is_hashable() {
                            return Err(crate::vm::unhashable(&kv[0]));
                        }
                        d.insert(Key(kv[0].clone()), kv[1].clone());
                    }
                }
                None => {}
            }
            for (k, v) in kwargs {
                d.insert(Key(Value::Str(k)), v);
            }
            Value::Dict(Rc::new(RefCell::new(d)))
        }
        TypeId::Range => {
            arg_count("range", &args, 1, 3)?;
            // At most three: read into an array, not a `Vec` (`for _ in
            // range(10)` runs in every node of a gather tree).
            let mut ints = [0i64; 3];
            for (i, a) in ints.iter_mut().zip(&args) {
                *i = a.as_int().ok_or_else(|| {
                    type_err(format!(
                        "'{}' object cannot be interpreted as an integer",
                        a.type_name()
                    ))
                })?;
            }
            let (start, stop, step) = match &ints[..args.len().min(3)] {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                _ => (0, 0, 1),
            };
            if step == 0 {
                return Err(value_err("range() arg 3 must not be zero"));
            }
            Value::Range(Rc::new(RangeObj { start, stop, step }))
        }
        TypeId::Type => {
            arg_count("type", &args, 1, 1)?;
            Value::Type(args[0].type_id())
        }
        TypeId::Object => Value::None,
        other => {
            return Err(type_err(format!(
                "cannot create '{}' instances",
                other.name()
            )))
        }
    })
}

/// Equality helper kept here for list methods.
pub(crate) fn eq(a: &Value, b: &Value) -> bool {
    a.is(b) || py_eq(a, b)
}
