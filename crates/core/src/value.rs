//! Python values: the compact enum the VM computes with, and the heap objects behind it.

use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;

use crate::asyncio::objects::{AsyncObj, FutRef};
use crate::compile::Code;
use crate::exc::{ExcRef, ExcType};
use crate::pyfmt;

/// Everything a Python expression can evaluate to.
#[derive(Clone, Default)]
pub(crate) enum Value {
    /// An unbound variable slot; never visible to programs.
    #[default]
    Undefined,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Dict>>),
    Range(Rc<RangeObj>),
    Iter(Rc<RefCell<IterObj>>),
    Func(Rc<Function>),
    Builtin(crate::builtins::Builtin),
    /// A method bound to its receiver: `lst.append`, `asyncio.sleep` stays a Builtin.
    Method(Rc<(Value, Rc<str>)>),
    Coro(Rc<RefCell<Coro>>),
    /// A generator (from a generator expression).
    Gen(Rc<RefCell<GenObj>>),
    Future(FutRef),
    Obj(Rc<AsyncObj>),
    Exc(ExcRef),
    Type(TypeId),
    Module(ModuleId),
    Cell(Rc<RefCell<Value>>),
    Code(Rc<Code>),
    /// `dict.keys()`, `.values()`, `.items()`: live views of a dict.
    View(Rc<(ViewKind, Rc<RefCell<Dict>>)>),
    /// `a[lower:upper:step]` index.
    Slice(Rc<(Value, Value, Value)>),
}

/// An ordered dict keyed by hashable values (insertion order, as CPython).
pub(crate) type Dict = IndexMap<Key, Value>;

/// A hashable value used as a dict key or set member. Equality follows Python:
/// `1 == 1.0 == True` are the same key.
#[derive(Clone)]
pub(crate) struct Key(pub(crate) Value);

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        py_eq(&self.0, &other.0)
    }
}
impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state)
    }
}

fn hash_value<H: Hasher>(v: &Value, state: &mut H) {
    match v {
        Value::None => 0u64.hash(state),
        Value::Bool(b) => (*b as i64).hash(state),
        Value::Int(i) => i.hash(state),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                (*f as i64).hash(state)
            } else {
                f.to_bits().hash(state)
            }
        }
        Value::Str(s) => s.hash(state),
        Value::Tuple(items) => {
            for i in items.iter() {
                hash_value(i, state)
            }
        }
        // Ranges are equal when they hold the same numbers.
        Value::Range(r) => {
            let n = r.len();
            n.hash(state);
            if n > 0 {
                r.start.hash(state);
            }
            if n > 1 {
                r.step.hash(state);
            }
        }
        Value::Method(m) => {
            m.0.identity().hash(state);
            m.1.hash(state);
        }
        other => other.identity().hash(state),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}

/// The items a dict view shows, in order.
pub(crate) fn view_items(kind: ViewKind, d: &Dict) -> Vec<Value> {
    match kind {
        ViewKind::Keys => d.keys().map(|k| k.0.clone()).collect(),
        ViewKind::Values => d.values().cloned().collect(),
        ViewKind::Items => d
            .iter()
            .map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()]))
            .collect(),
    }
}

pub(crate) struct RangeObj {
    pub(crate) start: i64,
    pub(crate) stop: i64,
    pub(crate) step: i64,
}

impl RangeObj {
    pub(crate) fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

/// The state of an iterator over a value.
pub(crate) enum IterObj {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// A live iterator over a dict or set: it fails if the size changes, as CPython's does.
    Dict {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        len: usize,
        kind: ViewKind,
        is_set: bool,
    },
    /// `reversed(list)`: reads the list as it goes, from index `left - 1` down
    /// (it stops for good if the list shrank below that index, as CPython's).
    Reversed {
        list: Rc<RefCell<Vec<Value>>>,
        left: usize,
    },
    /// Items computed up front (zip, enumerate results…).
    Items {
        items: Vec<Value>,
        index: usize,
    },
    Chars {
        s: Rc<str>,
        pos: usize,
    },
    /// `enumerate(it, start)`, pulling from `it` on demand.
    Enumerate {
        it: Value,
        next: i64,
    },
    /// `zip(*its)`.
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    /// `map(f, *its)`.
    Map {
        f: Value,
        its: Vec<Value>,
    },
    /// `filter(f, it)`; `f` None keeps truthy items.
    Filter {
        f: Value,
        it: Value,
    },
    /// The generator of `asyncio.as_completed`.
    AsCompleted(Rc<crate::asyncio::combinators::AsCompletedState>, usize),
}

/// A user function (`def`, `async def` or `lambda`) with its defaults and closure.
pub(crate) struct Function {
    pub(crate) code: Rc<Code>,
    pub(crate) defaults: Vec<Value>,
    pub(crate) kwdefaults: Vec<(Rc<str>, Value)>,
    pub(crate) closure: Vec<Rc<RefCell<Value>>>,
}

/// A generator: its frame while it can still run; `None` once finished.
pub(crate) struct GenObj {
    /// Its frame while suspended; empty once finished (and while it runs).
    /// A list of one rather than an option, so that each `next` runs it
    /// where it is, allocating nothing.
    pub(crate) frames: Vec<crate::vm::Frame>,
    pub(crate) started: bool,
    pub(crate) running: bool,
}

/// A coroutine object: created by calling an `async def`, consumed by one `await` or task.
pub(crate) struct Coro {
    pub(crate) state: CoroState,
    pub(crate) name: Rc<str>,
    /// `main.<locals>.worker`, `Queue.get`: what its repr and CPython's
    /// "never awaited" warning name it by.
    pub(crate) qualname: Rc<str>,
    /// Where it was created, for "never awaited" warnings.
    pub(crate) created_line: u32,
}

pub(crate) enum CoroState {
    Created(crate::vm::Frame),
    Started,
}

/// Builtin types that programs can name, compare with `isinstance` and print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum TypeId {
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Iterator,
    Function,
    BuiltinFunction,
    Method,
    Coroutine,
    Generator,
    Future,
    Task,
    Module,
    Type,
    Object,
    Cell,
    Code,
    Slice,
    View(ViewKind),
    Async(crate::asyncio::objects::AsyncKind),
    Exc(ExcType),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ModuleId {
    Asyncio,
    Time,
    Random,
    Concurrent,
    ConcurrentFutures,
}

impl ModuleId {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ModuleId::Asyncio => "asyncio",
            ModuleId::Time => "time",
            ModuleId::Random => "random",
            ModuleId::Concurrent => "concurrent",
            ModuleId::ConcurrentFutures => "concurrent.futures",
        }
    }
}

thread_local! {
    /// Coroutines dropped without ever being awaited: (function name, line created).
    static NEVER_AWAITED: RefCell<Vec<(Rc<str>, u32)>> = const { RefCell::new(Vec::new()) };
    /// Whether `NEVER_AWAITED` may hold any: a plain flag (no destructor, so
    /// no lazy registration to check) that the loop reads at every pass.
    static ANY_NEVER_AWAITED: Cell<bool> = const { Cell::new(false) };
}

/// CPython warns when a coroutine object is destroyed unstarted; so do we.
impl Drop for Coro {
    fn drop(&mut self) {
        if let CoroState::Created(_) = self.state {
            note_never_awaited(self.qualname.clone(), self.created_line);
        }
    }
}

pub(crate) fn note_never_awaited(name: Rc<str>, line: u32) {
    NEVER_AWAITED.with(|n| n.borrow_mut().push((name, line)));
    ANY_NEVER_AWAITED.set(true);
}

/// Whether a coroutine was dropped unawaited since the last
/// `take_never_awaited`: read at every loop pass, inlined.
#[inline(always)]
pub(crate) fn any_never_awaited() -> bool {
    ANY_NEVER_AWAITED.get()
}

pub(crate) fn take_never_awaited() -> Vec<(Rc<str>, u32)> {
    if !ANY_NEVER_AWAITED.replace(false) {
        return Vec::new();
    }
    NEVER_AWAITED.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

impl Value {
    pub(crate) fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub(crate) fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub(crate) fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    /// A number that stands for this object's identity (`is`, dict keys
    /// compared by identity, cycle detection in reprs): the address of heap
    /// objects, so it is only compared, never ordered or shown. What a program
    /// sees, `id()` and `hash()`, is numbered by the run instead (`identity`).
    pub(crate) fn identity(&self) -> usize {
        match self {
            Value::Undefined => 0,
            Value::None => 1,
            Value::Bool(b) => 2 + *b as usize,
            Value::Int(i) => *i as usize,
            Value::Float(f) => f.to_bits() as usize,
            Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize,
            Value::List(r) => Rc::as_ptr(r) as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const Value as usize,
            Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as usize,
            Value::Range(r) => Rc::as_ptr(r) as usize,
            Value::Iter(r) => Rc::as_ptr(r) as usize,
            Value::Func(r) => Rc::as_ptr(r) as usize,
            Value::Builtin(b) => *b as usize,
            Value::Method(r) => Rc::as_ptr(r) as usize,
            Value::Coro(r) => Rc::as_ptr(r) as usize,
            Value::Gen(r) => Rc::as_ptr(r) as usize,
            Value::Future(r) => Rc::as_ptr(r) as usize,
            Value::Obj(r) => Rc::as_ptr(r) as usize,
            Value::Exc(r) => Rc::as_ptr(r) as usize,
            Value::Type(t) => {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                t.hash(&mut h);
                h.finish() as usize
            }
            Value::Module(m) => *m as usize + 7,
            Value::Cell(r) => Rc::as_ptr(r) as usize,
            Value::Code(r) => Rc::as_ptr(r) as usize,
            Value::Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::View(r) => Rc::as_ptr(r) as *const u8 as usize,
        }
    }

    pub(crate) fn type_id(&self) -> TypeId {
        match self {
            Value::Undefined | Value::None => TypeId::NoneType,
            Value::Bool(_) => TypeId::Bool,
            Value::Int(_) => TypeId::Int,
            Value::Float(_) => TypeId::Float,
            Value::Str(_) => TypeId::Str,
            Value::List(_) => TypeId::List,
            Value::Tuple(_) => TypeId::Tuple,
            Value::Dict(_) => TypeId::Dict,
            Value::Set(_) => TypeId::Set,
            Value::Range(_) => TypeId::Range,
            Value::Iter(_) => TypeId::Iterator,
            Value::Func(_) => TypeId::Function,
            Value::Builtin(_) => TypeId::BuiltinFunction,
            Value::Method(_) => TypeId::Method,
            Value::Coro(_) => TypeId::Coroutine,
            Value::Gen(_) => TypeId::Generator,
            Value::Future(f) => {
                if f.borrow().task.is_some() {
                    TypeId::Task
                } else {
                    TypeId::Future
                }
            }
            Value::Obj(o) => TypeId::Async(o.kind()),
            Value::Exc(e) => TypeId::Exc(e.typ),
            Value::Type(_) => TypeId::Type,
            Value::Module(_) => TypeId::Module,
            Value::Cell(_) => TypeId::Cell,
            Value::Code(_) => TypeId::Code,
            Value::Slice(_) => TypeId::Slice,
            Value::View(v) => TypeId::View(v.0),
        }
    }

    pub(crate) fn type_name(&self) -> &'static str {
        self.type_id().name()
    }

    pub(crate) fn truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
            Value::Range(r) => r.len() > 0,
            Value::View(v) => !v.1.borrow().is_empty(),
            _ => true,
        }
    }

    pub(crate) fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            // By all 64 bits: `identity()` is a `usize`, which on wasm32 keeps
            // only the low half (0.5 and 1.0 were one object there, and a sort
            // of (time, name) tuples went by the names).
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Type(a), Value::Type(b)) => a == b,
            (Value::Module(a), Value::Module(b)) => a == b,
            (Value::Builtin(a), Value::Builtin(b)) => a == b,
            (Value::None | Value::Bool(_) | Value::Int(_), _) => false,
            _ => {
                std::mem::discriminant(self) == std::mem::discriminant(other)
                    && self.identity() == other.identity()
            }
        }
    }

    pub(crate) fn as_float(&self) -> Option<f64> {
        match self {
            Value::Bool(b) => Some(*b as i64 as f64),
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    pub(crate) fn as_int(&self) -> Option<i64> {
        match self {
            Value::Bool(b) => Some(*b as i64),
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub(crate) fn is_hashable(&self) -> bool {
        match self {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => false,
            // Set-like views compare as sets, so CPython makes them unhashable.
            Value::View(v) => v.0 == ViewKind::Values,
            Value::Tuple(t) => t.iter().all(Value::is_hashable),
            _ => true,
        }
    }
}

/// Drop a value without recursion: a uniquely owned container gives its items
/// to a work list before it goes, so a 100,000-deep chain of dicts cannot
/// overflow the native (or wasm) stack when it is freed. Inlined: mostly
/// what it drops is a number (a loop's last int), which needs no call.
#[inline(always)]
pub(crate) fn drop_deep(v: Value) {
    if is_container(&v) {
        drop_containers(v);
    } else {
        discard(v);
    }
}

/// A list, dict, set or tuple: a value that [`drop_deep`] takes apart.
#[inline]
pub(crate) fn is_container(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Tuple(_)
    )
}

/// Drop a value; the plain ones (numbers, None, …) own nothing, so they go
/// without the call to `Value`'s drop glue that dropping them would make:
/// the interpreter drops a few per loop iteration.
#[inline(always)]
pub(crate) fn discard(v: Value) {
    if matches!(
        v,
        Value::Undefined | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_)
    ) {
        std::mem::forget(v);
    } else {
        drop(v);
    }
}

/// `drop_deep` of a container: its items first, without recursion.
fn drop_containers(v: Value) {
    let mut work = vec![v];
    while let Some(mut v) = work.pop() {
        match &mut v {
            // By the strong count, not `Rc::get_mut`: an object `id()` was
            // asked about has a weak reference too (see `identity`).
            Value::List(rc) if Rc::strong_count(rc) == 1 => {
                if let Ok(mut items) = rc.try_borrow_mut() {
                    work.extend(std::mem::take(&mut *items));
                }
            }
            Value::Dict(rc) | Value::Set(rc) if Rc::strong_count(rc) == 1 => {
                if let Ok(mut d) = rc.try_borrow_mut() {
                    for (k, val) in std::mem::take(&mut *d) {
                        work.push(k.0);
                        work.push(val);
                    }
                }
            }
            Value::Tuple(rc) => {
                if let Some(items) = Rc::get_mut(rc) {
                    work.extend(items.iter_mut().map(std::mem::take));
                }
            }
            _ => {}
        }
    }
}

/// Python `==`. Items of containers compare by identity first, as CPython's
/// containers do (so a NaN in a list equals itself there), and the depth is
/// bounded so self-containing containers cannot overflow the stack.
pub(crate) fn py_eq(a: &Value, b: &Value) -> bool {
    eq_depth(a, b, 0)
}

/// `==` as an operator: comparing containers nested (or cycling) too deep is
/// CPython's RecursionError rather than an answer.
pub(crate) fn py_eq_checked(a: &Value, b: &Value) -> Result<bool, crate::exc::ExcRef> {
    EQ_OVERFLOW.with(|f| f.set(false));
    let r = eq_depth(a, b, 0);
    if EQ_OVERFLOW.with(|f| f.get()) {
        return Err(crate::exc::ExcObj::msg(
            crate::exc::ExcType::RecursionError,
            "maximum recursion depth exceeded in comparison",
        ));
    }
    Ok(r)
}

thread_local! {
    static EQ_OVERFLOW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn item_eq(a: &Value, b: &Value, depth: u32) -> bool {
    a.is(b) || eq_depth(a, b, depth + 1)
}

fn eq_depth(a: &Value, b: &Value, depth: u32) -> bool {
    if depth > 400 {
        EQ_OVERFLOW.with(|f| f.set(true));
        return false;
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::None, Value::None) => true,
        (
            Value::Float(_) | Value::Int(_) | Value::Bool(_),
            Value::Float(_) | Value::Int(_) | Value::Bool(_),
        ) => match (a.as_int(), b.as_int()) {
            (Some(x), Some(y)) => x == y,
            _ => a.as_float() == b.as_float(),
        },
        (Value::List(x), Value::List(y)) => {
            Rc::ptr_eq(x, y) || {
                let (x, y) = (x.borrow(), y.borrow());
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| item_eq(p, q, depth))
            }
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| item_eq(p, q, depth))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            Rc::ptr_eq(x, y) || {
                let (x, y) = (x.borrow(), y.borrow());
                x.len() == y.len()
                    && x.iter()
                        .all(|(k, v)| y.get(k).is_some_and(|w| item_eq(v, w, depth)))
            }
        }
        (Value::Set(x), Value::Set(y)) => {
            Rc::ptr_eq(x, y) || {
                let (x, y) = (x.borrow(), y.borrow());
                x.len() == y.len() && x.keys().all(|k| y.contains_key(k))
            }
        }
        (Value::Range(x), Value::Range(y)) => {
            x.len() == y.len()
                && (x.len() == 0 || (x.start == y.start && (x.len() == 1 || x.step == y.step)))
        }
        (Value::Exc(x), Value::Exc(y)) => Rc::ptr_eq(x, y),
        // Bound methods are made afresh at each `l.append`: equal when they
        // bind the same object to the same function, as in CPython.
        (Value::Method(x), Value::Method(y)) => x.0.is(&y.0) && x.1 == y.1,
        _ => a.is(b),
    }
}

impl TypeId {
    pub(crate) fn name(self) -> &'static str {
        match self {
            TypeId::NoneType => "NoneType",
            TypeId::Bool => "bool",
            TypeId::Int => "int",
            TypeId::Float => "float",
            TypeId::Str => "str",
            TypeId::List => "list",
            TypeId::Tuple => "tuple",
            TypeId::Dict => "dict",
            TypeId::Set => "set",
            TypeId::Range => "range",
            TypeId::Iterator => "iterator",
            TypeId::Function => "function",
            TypeId::BuiltinFunction => "builtin_function_or_method",
            TypeId::Method => "method",
            TypeId::Coroutine => "coroutine",
            TypeId::Generator => "generator",
            TypeId::Future => "Future",
            TypeId::Task => "Task",
            TypeId::Module => "module",
            TypeId::Type => "type",
            TypeId::Object => "object",
            TypeId::Cell => "cell",
            TypeId::Code => "code",
            TypeId::Slice => "slice",
            TypeId::View(k) => k.name(),
            TypeId::Async(k) => k.name(),
            TypeId::Exc(e) => e.name(),
        }
    }
}

/// `repr()` of a value.
pub(crate) fn repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, v, &mut Vec::new());
    out
}

/// `str()` of a value.
pub(crate) fn to_str(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Exc(e) => e.message(),
        _ => repr(v),
    }
}

/// A repr longer than this is cut short with `...`: a list holding the same
/// big string ten million times would otherwise need terabytes. (CPython
/// would raise MemoryError; nothing this long can be printed anyway, as the
/// output limit is smaller.)
pub(crate) const MAX_REPR_BYTES: usize = 64 << 20;

fn write_seq(out: &mut String, items: &[Value], open: &str, close: &str, seen: &mut Vec<usize>) {
    out.push_str(open);
    for (i, item) in items.iter().enumerate() {
        if out.len() > MAX_REPR_BYTES {
            out.push_str("...");
            break;
        }
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, item, seen);
    }
    out.push_str(close);
}

fn write_container(out: &mut String, v: &Value, seen: &mut Vec<usize>) {
    match v {
        Value::Tuple(t) => {
            if t.len() == 1 {
                out.push('(');
                write_repr(out, &t[0], seen);
                out.push_str(",)");
            } else {
                write_seq(out, t, "(", ")", seen)
            }
        }
        Value::List(l) => match l.try_borrow() {
            Ok(items) => write_seq(out, &items, "[", "]", seen),
            Err(_) => out.push_str("[...]"),
        },
        Value::Dict(d) => match d.try_borrow() {
            Ok(d) => {
                out.push('{');
                for (i, (k, val)) in d.iter().enumerate() {
                    if out.len() > MAX_REPR_BYTES {
                        out.push_str("...");
                        break;
                    }
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_repr(out, &k.0, seen);
                    out.push_str(": ");
                    write_repr(out, val, seen);
                }
                out.push('}');
            }
            Err(_) => out.push_str("{...}"),
        },
        Value::Set(d) => match d.try_borrow() {
            Ok(d) if d.is_empty() => out.push_str("set()"),
            Ok(d) => {
                let items: Vec<Value> = d.keys().map(|k| k.0.clone()).collect();
                write_seq(out, &items, "{", "}", seen)
            }
            Err(_) => out.push_str("{...}"),
        },
        _ => {}
    }
}

/// Print an object that may contain itself (a task whose result refers to it,
/// an exception in its own arguments): `marker` on re-entry, like `reprlib.recursive_repr`.
fn guarded(
    out: &mut String,
    v: &Value,
    seen: &mut Vec<usize>,
    marker: &str,
    f: impl FnOnce(&mut String, &mut Vec<usize>),
) {
    let id = v.identity();
    if seen.contains(&id) {
        out.push_str(marker);
        return;
    }
    seen.push(id);
    f(out, seen);
    seen.pop();
}

pub(crate) fn write_future(
    out: &mut String,
    f: &crate::asyncio::objects::FutRef,
    seen: &mut Vec<usize>,
) {
    use crate::asyncio::objects::FutState;
    let Ok(f) = f.try_borrow() else {
        out.push_str("<Task running>");
        return;
    };
    // `_task_repr_info`: the state ("cancelling" once a cancellation is
    // requested, until the task is done), the name and the coroutine, then the
    // result or the exception (`_future_repr_info`). CPython also names the
    // coroutine's file and line (`running at /path/prog.py:3`), what the task
    // waits for and the future's callbacks, with their files: a program here
    // has no file, so they are left out.
    let state = match (&f.state, &f.task) {
        (FutState::Pending, Some(t)) if t.num_cancels_requested > 0 => "cancelling",
        (FutState::Pending, _) => "pending",
        (FutState::Cancelled, _) => "cancelled",
        (FutState::Done(_) | FutState::Failed(_), _) => "finished",
    };
    out.push_str(if f.task.is_some() {
        "<Task "
    } else {
        "<Future "
    });
    out.push_str(state);
    if let Some(t) = &f.task {
        let _ = write!(out, " name='{}' coro=<{}()>", t.name, t.func);
    }
    match &f.state {
        FutState::Done(v) => {
            // CPython shows a future's result through `reprlib.repr`.
            out.push_str(" result=");
            out.push_str(&reprlib(v, 6, seen));
        }
        FutState::Failed(e) => {
            out.push_str(" exception=");
            write_exc(out, e, seen);
        }
        FutState::Pending | FutState::Cancelled => {}
    }
    out.push('>');
}

/// `reprlib.repr` with the default limits (6 items per sequence, 4 per dict,
/// strings cut to 30 characters, 6 levels deep).
pub(crate) fn reprlib(v: &Value, level: i32, seen: &mut Vec<usize>) -> String {
    fn cut(s: String, max: usize) -> String {
        let chars: Vec<char> = s.chars().collect();
        if chars.len() <= max {
            return s;
        }
        let i = (max - 3) / 2;
        let j = max - 3 - i;
        let mut out: String = chars[..i].iter().collect();
        out.push_str("...");
        out.extend(&chars[chars.len() - j..]);
        out
    }
    fn seq(
        items: &[Value],
        level: i32,
        open: &str,
        close: &str,
        trail: bool,
        seen: &mut Vec<usize>,
    ) -> String {
        if level <= 0 && !items.is_empty() {
            return format!("{open}...{close}");
        }
        let mut pieces: Vec<String> = items
            .iter()
            .take(6)
            .map(|x| reprlib(x, level - 1, seen))
            .collect();
        if items.len() > 6 {
            pieces.push("...".into());
        }
        let close = if items.len() == 1 && trail {
            format!(",{close}")
        } else {
            close.to_string()
        };
        format!("{open}{}{close}", pieces.join(", "))
    }
    match v {
        Value::List(l) => seq(&l.borrow(), level, "[", "]", false, seen),
        Value::Tuple(t) => seq(t, level, "(", ")", true, seen),
        Value::Set(d) => {
            let d = d.borrow();
            if d.is_empty() {
                return "set()".into();
            }
            let mut items: Vec<Value> = d.keys().map(|k| k.0.clone()).collect();
            sort_if_possible(&mut items);
            seq(&items, level, "{", "}", false, seen)
        }
        Value::Dict(d) => {
            let d = d.borrow();
            if d.is_empty() {
                return "{}".into();
            }
            if level <= 0 {
                return "{...}".into();
            }
            let mut keys: Vec<Value> = d.keys().map(|k| k.0.clone()).collect();
            sort_if_possible(&mut keys);
            let mut pieces: Vec<String> = keys
                .iter()
                .take(4)
                .map(|k| {
                    let val = d.get(&Key(k.clone())).cloned().unwrap_or_default();
                    format!(
                        "{}: {}",
                        reprlib(k, level - 1, seen),
                        reprlib(&val, level - 1, seen)
                    )
                })
                .collect();
            if d.len() > 4 {
                pieces.push("...".into());
            }
            format!("{{{}}}", pieces.join(", "))
        }
        Value::Str(s) => {
            let head: String = s.chars().take(30).collect();
            let r = crate::pyfmt::str_repr(&head);
            if r.chars().count() <= 30 {
                return r;
            }
            let chars: Vec<char> = s.chars().collect();
            let (i, j) = (13, 14);
            let short: String = chars[..i.min(chars.len())]
                .iter()
                .chain(chars[chars.len().saturating_sub(j)..].iter())
                .collect();
            let r = crate::pyfmt::str_repr(&short);
            let rc: Vec<char> = r.chars().collect();
            let mut out: String = rc[..i].iter().collect();
            out.push_str("...");
            out.extend(&rc[rc.len() - j..]);
            out
        }
        Value::Int(_) => cut(repr(v), 40),
        other => {
            let mut s = String::new();
            write_repr(&mut s, other, seen);
            cut(s, 30)
        }
    }
}

fn sort_if_possible(items: &mut Vec<Value>) {
    let sortable = items
        .windows(2)
        .all(|w| crate::ops::order(&w[0], &w[1]).is_some());
    if sortable {
        crate::sort::sort_by(items, |a, b| {
            crate::ops::order(a, b) == Some(std::cmp::Ordering::Less)
        });
    }
}

pub(crate) fn write_exc(out: &mut String, e: &crate::exc::ExcObj, seen: &mut Vec<usize>) {
    // CPython: one argument prints as `Name(repr(arg))`; otherwise as
    // `Name` + repr(args), whose tuple guard prints `Name(...)` on re-entry.
    out.push_str(e.typ.name());
    if let [one] = e.args.as_slice() {
        out.push('(');
        write_repr(out, one, seen);
        out.push(')');
        return;
    }
    let id = e as *const crate::exc::ExcObj as usize;
    if seen.contains(&id) {
        out.push_str("(...)");
        return;
    }
    seen.push(id);
    out.push('(');
    for (i, a) in e.args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, a, seen);
    }
    out.push(')');
    seen.pop();
}

/// Like CPython's `Py_ReprEnter`: a container already being printed shows as `[...]`/`{...}`.
pub(crate) fn write_repr(out: &mut String, v: &Value, seen: &mut Vec<usize>) {
    if let Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Tuple(_) = v {
        let id = v.identity();
        if seen.contains(&id) {
            out.push_str(match v {
                Value::List(_) => "[...]",
                Value::Tuple(_) => "(...)",
                _ => "{...}",
            });
            return;
        }
        if seen.len() > 900 {
            out.push_str("...");
            return;
        }
        seen.push(id);
        write_container(out, v, seen);
        seen.pop();
        return;
    }
    if seen.len() > 900 {
        out.push_str("...");
        return;
    }
    match v {
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Tuple(_) => {
            write_container(out, v, seen)
        }
        Value::Undefined => out.push_str("<undefined>"),
        Value::None => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => pyfmt::push_int(out, *i),
        Value::Float(f) => out.push_str(&pyfmt::float_repr(*f)),
        Value::Str(s) => out.push_str(&pyfmt::str_repr(s)),
        Value::Range(r) => {
            if r.step == 1 {
                let _ = write!(out, "range({}, {})", r.start, r.stop);
            } else {
                let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
            }
        }
        Value::Iter(_) => out.push_str("<iterator object>"),
        Value::Func(f) => {
            let _ = write!(out, "<function {}>", f.code.qualname);
        }
        Value::Builtin(b) => {
            let _ = write!(out, "<built-in function {}>", b.name());
        }
        Value::Method(m) => {
            let _ = write!(out, "<bound method {} of {}>", m.1, repr(&m.0));
        }
        Value::Gen(_) => out.push_str("<generator object <genexpr>>"),
        Value::Coro(c) => {
            let _ = write!(out, "<coroutine object {}>", c.borrow().qualname);
        }
        Value::Future(f) => guarded(out, v, seen, "...", |out, seen| write_future(out, f, seen)),
        Value::Obj(o) => out.push_str(&o.repr()),
        Value::Exc(e) => write_exc(out, e, seen),
        Value::Type(t) => match t {
            TypeId::Exc(e) => {
                let _ = write!(out, "<class '{}'>", e.qualified_name());
            }
            _ => {
                let _ = write!(out, "<class '{}'>", t.name());
            }
        },
        Value::Module(m) => {
            let _ = write!(out, "<module '{}'>", m.name());
        }
        Value::Cell(_) => out.push_str("<cell>"),
        Value::Code(c) => {
            let _ = write!(out, "<code object {}>", c.name);
        }
        Value::View(v) => {
            let items = match v.1.try_borrow() {
                Ok(d) => view_items(v.0, &d),
                Err(_) => Vec::new(),
            };
            out.push_str(v.0.name());
            write_seq(out, &items, "([", "])", seen);
        }
        Value::Slice(s) => {
            let _ = write!(out, "slice({}, {}, {})", repr(&s.0), repr(&s.1), repr(&s.2));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_print_their_items_with_repr() {
        let v = Value::list(vec![
            Value::None,
            Value::Bool(true),
            Value::Float(2.5),
            Value::str("it's"),
            Value::str("a\"b"),
        ]);
        assert_eq!(repr(&v), r#"[None, True, 2.5, "it's", 'a"b']"#);
        assert_eq!(repr(&Value::tuple(vec![Value::Int(1)])), "(1,)");
        assert_eq!(repr(&Value::tuple(vec![])), "()");
        assert_eq!(to_str(&Value::str("x")), "x");
    }

    #[test]
    fn equal_numbers_are_one_dict_key() {
        let mut d = Dict::default();
        d.insert(Key(Value::Int(1)), Value::str("int"));
        d.insert(Key(Value::Float(1.0)), Value::str("float"));
        d.insert(Key(Value::Bool(true)), Value::str("bool"));
        assert_eq!(d.len(), 1);
        assert_eq!(repr(&Value::Dict(Rc::new(RefCell::new(d)))), "{1: 'bool'}");
    }

    #[test]
    fn a_list_that_contains_itself_prints_without_recursing_forever() {
        let l = Value::list(vec![]);
        if let Value::List(inner) = &l {
            inner.borrow_mut().push(l.clone());
        }
        assert_eq!(repr(&l), "[[...]]");
        if let Value::List(inner) = &l {
            inner.borrow_mut().clear();
        }
    }
}
