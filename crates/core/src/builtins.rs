//! Builtin functions, modules and their attributes, constructors and context managers.

pub(crate) mod asyncio_api;
mod functions;
mod methods;

pub(crate) use functions::percent_format;

use crate::asyncio::combinators;
use crate::asyncio::native::{self, coro_value, NativeCoro};
use crate::asyncio::objects::AsyncObj;
use crate::exc::{ExcObj, ExcRef, ExcType, ALL_EXC_TYPES};
use crate::value::{ModuleId, TypeId, Value};
use crate::vm::{Called, Kwargs, Vm};
use std::rc::Rc;

/// Every builtin function a program can call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Builtin {
    Print,
    Len,
    Repr,
    Abs,
    Min,
    Max,
    Sum,
    Round,
    Sorted,
    Reversed,
    Enumerate,
    Zip,
    Isinstance,
    Any,
    All,
    Map,
    Filter,
    Iter,
    Next,
    Divmod,
    Pow,
    Chr,
    Ord,
    Hash,
    Id,
    Callable,
    Format,
    Hex,
    Oct,
    Bin,
    Cpu,
    DictFromkeys,
    // asyncio
    Run,
    Sleep,
    Gather,
    CreateTask,
    EnsureFuture,
    WaitFor,
    Timeout,
    TimeoutAt,
    Wait,
    AsCompleted,
    Shield,
    CurrentTask,
    AllTasks,
    GetRunningLoop,
    NewFuture,
    Lock,
    Event,
    Condition,
    Semaphore,
    BoundedSemaphore,
    Queue,
    TaskGroup,
    ToThread,
    Iscoroutine,
    // time
    TimeSleep,
    Monotonic,
    // random
    Seed,
    Random,
    Uniform,
    Randint,
    Randrange,
    Choice,
    Shuffle,
    Sample,
    // concurrent.futures
    ThreadPoolExecutor,
    ProcessPoolExecutor,
}

impl Builtin {
    pub(crate) fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Print => "print",
            Len => "len",
            Repr => "repr",
            Abs => "abs",
            Min => "min",
            Max => "max",
            Sum => "sum",
            Round => "round",
            Sorted => "sorted",
            Reversed => "reversed",
            Enumerate => "enumerate",
            Zip => "zip",
            Isinstance => "isinstance",
            Any => "any",
            All => "all",
            Map => "map",
            Filter => "filter",
            Iter => "iter",
            Next => "next",
            Divmod => "divmod",
            Pow => "pow",
            Chr => "chr",
            Ord => "ord",
            Hash => "hash",
            Id => "id",
            Callable => "callable",
            Format => "format",
            Cpu => "cpu",
            Hex => "hex",
            Oct => "oct",
            Bin => "bin",
            DictFromkeys => "fromkeys",
            Run => "run",
            Sleep => "sleep",
            Gather => "gather",
            CreateTask => "create_task",
            EnsureFuture => "ensure_future",
            WaitFor => "wait_for",
            Timeout => "timeout",
            TimeoutAt => "timeout_at",
            Wait => "wait",
            AsCompleted => "as_completed",
            Shield => "shield",
            CurrentTask => "current_task",
            AllTasks => "all_tasks",
            GetRunningLoop => "get_running_loop",
            NewFuture => "Future",
            Lock => "Lock",
            Event => "Event",
            Condition => "Condition",
            Semaphore => "Semaphore",
            BoundedSemaphore => "BoundedSemaphore",
            Queue => "Queue",
            TaskGroup => "TaskGroup",
            ToThread => "to_thread",
            Iscoroutine => "iscoroutine",
            TimeSleep => "sleep",
            Monotonic => "monotonic",
            Seed => "seed",
            Random => "random",
            Uniform => "uniform",
            Randint => "randint",
            Randrange => "randrange",
            Choice => "choice",
            Shuffle => "shuffle",
            Sample => "sample",
            ThreadPoolExecutor => "ThreadPoolExecutor",
            ProcessPoolExecutor => "ProcessPoolExecutor",
        }
    }
}

/// The value a global name has before the program assigns it.
pub(crate) fn global_builtin(name: &str) -> Option<Value> {
    use Builtin as B;
    let b = match name {
        "print" => B::Print,
        "len" => B::Len,
        "repr" => B::Repr,
        "abs" => B::Abs,
        "min" => B::Min,
        "max" => B::Max,
        "sum" => B::Sum,
        "round" => B::Round,
        "sorted" => B::Sorted,
        "reversed" => B::Reversed,
        "enumerate" => B::Enumerate,
        "zip" => B::Zip,
        "isinstance" => B::Isinstance,
        "any" => B::Any,
        "all" => B::All,
        "map" => B::Map,
        "filter" => B::Filter,
        "iter" => B::Iter,
        "next" => B::Next,
        "divmod" => B::Divmod,
        "pow" => B::Pow,
        "chr" => B::Chr,
        "ord" => B::Ord,
        "hash" => B::Hash,
        "id" => B::Id,
        "callable" => B::Callable,
        "format" => B::Format,
        "cpu" => B::Cpu,
        "hex" => B::Hex,
        "oct" => B::Oct,
        "bin" => B::Bin,
        "int" => return Some(Value::Type(TypeId::Int)),
        "float" => return Some(Value::Type(TypeId::Float)),
        "str" => return Some(Value::Type(TypeId::Str)),
        "bool" => return Some(Value::Type(TypeId::Bool)),
        "list" => return Some(Value::Type(TypeId::List)),
        "tuple" => return Some(Value::Type(TypeId::Tuple)),
        "dict" => return Some(Value::Type(TypeId::Dict)),
        "set" => return Some(Value::Type(TypeId::Set)),
        "range" => return Some(Value::Type(TypeId::Range)),
        "type" => return Some(Value::Type(TypeId::Type)),
        "object" => return Some(Value::Type(TypeId::Object)),
        "None" => return Some(Value::None),
        "__name__" => return Some(Value::str("__main__")),
        "IOError" | "EnvironmentError" => return Some(Value::Type(TypeId::Exc(ExcType::OSError))),
        _ => {
            return ALL_EXC_TYPES
                .iter()
                .find(|t| t.name() == name)
                .map(|t| Value::Type(TypeId::Exc(*t)));
        }
    };
    Some(Value::Builtin(b))
}

/// `import name`: the module (the leaf of a dotted name).
pub(crate) fn import(name: &str) -> Result<Value, ExcRef> {
    let m = match name {
        "asyncio" => ModuleId::Asyncio,
        "time" => ModuleId::Time,
        "random" => ModuleId::Random,
        "concurrent" => ModuleId::Concurrent,
        "concurrent.futures" => ModuleId::ConcurrentFutures,
        _ => {
            return Err(ExcObj::msg(
                ExcType::ModuleNotFoundError,
                format!("No module named '{name}'"),
            ))
        }
    };
    Ok(Value::Module(m))
}

pub(crate) fn module_attr(m: ModuleId, name: &str) -> Option<Value> {
    use Builtin as B;
    let b = match (m, name) {
        (ModuleId::Asyncio, n) => match n {
            "run" => B::Run,
            "sleep" => B::Sleep,
            "gather" => B::Gather,
            "create_task" => B::CreateTask,
            "ensure_future" => B::EnsureFuture,
            "wait_for" => B::WaitFor,
            "timeout" => B::Timeout,
            "timeout_at" => B::TimeoutAt,
            "wait" => B::Wait,
            "as_completed" => B::AsCompleted,
            "shield" => B::Shield,
            "current_task" => B::CurrentTask,
            "all_tasks" => B::AllTasks,
            "get_running_loop" | "get_event_loop" => B::GetRunningLoop,
            "Future" => B::NewFuture,
            "Lock" => B::Lock,
            "Event" => B::Event,
            "Condition" => B::Condition,
            "Semaphore" => B::Semaphore,
            "BoundedSemaphore" => B::BoundedSemaphore,
            "Queue" => B::Queue,
            "TaskGroup" => B::TaskGroup,
            "to_thread" => B::ToThread,
            "iscoroutine" => B::Iscoroutine,
            "CancelledError" => return Some(Value::Type(TypeId::Exc(ExcType::CancelledError))),
            "TimeoutError" => return Some(Value::Type(TypeId::Exc(ExcType::TimeoutError))),
            "InvalidStateError" => {
                return Some(Value::Type(TypeId::Exc(ExcType::InvalidStateError)))
            }
            "QueueEmpty" => return Some(Value::Type(TypeId::Exc(ExcType::QueueEmpty))),
            "QueueFull" => return Some(Value::Type(TypeId::Exc(ExcType::QueueFull))),
            "Task" => return Some(Value::Type(TypeId::Task)),
            "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED" => return Some(Value::str(n)),
            _ => return None,
        },
        (ModuleId::Time, n) => match n {
            "sleep" => B::TimeSleep,
            "monotonic" | "perf_counter" | "time" => B::Monotonic,
            _ => return None,
        },
        (ModuleId::Random, n) => match n {
            "seed" => B::Seed,
            "random" => B::Random,
            "uniform" => B::Uniform,
            "randint" => B::Randint,
            "randrange" => B::Randrange,
            "choice" => B::Choice,
            "shuffle" => B::Shuffle,
            "sample" => B::Sample,
            _ => return None,
        },
        (ModuleId::Concurrent, "futures") => {
            return Some(Value::Module(ModuleId::ConcurrentFutures))
        }
        (ModuleId::Concurrent, _) => return None,
        (ModuleId::ConcurrentFutures, n) => match n {
            "ThreadPoolExecutor" => B::ThreadPoolExecutor,
            "ProcessPoolExecutor" => B::ProcessPoolExecutor,
            _ => return None,
        },
    };
    Some(Value::Builtin(b))
}

/// Plain attributes (not methods). `Ok(None)`: no such attribute here.
pub(crate) fn attribute(vm: &mut Vm, obj: &Value, name: &str) -> Result<Option<Value>, ExcRef> {
    Ok(match (obj, name) {
        (Value::Module(m), n) => module_attr(*m, n),
        (Value::Type(TypeId::Dict), "fromkeys") => Some(Value::Builtin(Builtin::DictFromkeys)),
        // `str.lower`, `list.append`…: a method taking its receiver as first argument.
        (
            Value::Type(
                t @ (TypeId::Str | TypeId::List | TypeId::Dict | TypeId::Set | TypeId::Tuple),
            ),
            n,
        ) if has_method(&sample_of(*t), n) => Some(Value::Method(std::rc::Rc::new((
            Value::Type(*t),
            std::rc::Rc::from(n),
        )))),
        (Value::Method(m), "__name__") => Some(Value::Str(m.1.clone())),
        (Value::Type(t), "__name__") => Some(Value::str(t.name())),
        (Value::Func(f), "__name__") => Some(Value::Str(f.code.name.clone())),
        (Value::Func(f), "__qualname__") => Some(Value::Str(f.code.qualname.clone())),
        (Value::Builtin(b), "__name__") => Some(Value::str(b.name())),
        (Value::Coro(c), "__name__") => Some(Value::Str(c.borrow().name.clone())),
        (Value::Coro(c), "__qualname__") => Some(Value::Str(c.borrow().qualname.clone())),
        (Value::Exc(e), "args") => Some(Value::tuple(e.args.clone())),
        (Value::Exc(e), "exceptions") if !e.group.is_empty() => Some(Value::tuple(e.group.clone())),
        (Value::Exc(e), "message") if !e.group.is_empty() => e.args.first().cloned(),
        (Value::Exc(e), "__cause__") => {
            Some(e.cause.borrow().clone().map_or(Value::None, Value::Exc))
        }
        (Value::Exc(e), "__suppress_context__") => Some(Value::Bool(e.suppress_context.get())),
        (Value::Exc(e), "__context__") => {
            Some(e.context.borrow().clone().map_or(Value::None, Value::Exc))
        }
        (Value::Exc(e), "__class__") => Some(Value::Type(TypeId::Exc(e.typ))),
        (Value::Obj(o), "maxsize") => match &**o {
            AsyncObj::Queue(q) => Some(Value::Int(q.borrow().maxsize)),
            _ => None,
        },
        (v, "__class__") => Some(Value::Type(v.type_id())),
        _ => {
            let _ = vm;
            None
        }
    })
}

fn sample_of(t: TypeId) -> Value {
    match t {
        TypeId::Str => Value::str(""),
        TypeId::List => Value::list(Vec::new()),
        TypeId::Dict => Value::Dict(Default::default()),
        TypeId::Set => Value::Set(Default::default()),
        _ => Value::tuple(Vec::new()),
    }
}

/// Whether `obj.name` is a method (so `obj.name` evaluates to a bound method).
pub(crate) fn has_method(obj: &Value, name: &str) -> bool {
    methods::has_method(obj, name) || asyncio_api::has_method(obj, name)
}

/// Call a builtin function.
pub(crate) fn call(
    vm: &mut Vm,
    b: Builtin,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> Result<Called, ExcRef> {
    if b == Builtin::Gather {
        return asyncio_api::gather(vm, args, &kwargs).map(Called::Value);
    }
    if let Some(r) = asyncio_api::call(vm, b, &args, &kwargs) {
        return r;
    }
    functions::call(vm, b, args, kwargs)
}

/// `recv.name(*args, **kwargs)`.
pub(crate) fn call_method(
    vm: &mut Vm,
    recv: &Value,
    name: &str,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> Result<Called, ExcRef> {
    // An unbound method (`str.lower(x)`): the first argument is the receiver.
    if let Value::Type(t) = recv {
        if has_method(&sample_of(*t), name) {
            let Some((first, rest)) = args.split_first() else {
                return Err(ExcObj::msg(
                    ExcType::TypeError,
                    format!("unbound method {}.{name}() needs an argument", t.name()),
                ));
            };
            if first.type_id() != *t {
                return Err(ExcObj::msg(
                    ExcType::TypeError,
                    format!(
                        "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                        t.name(),
                        first.type_name()
                    ),
                ));
            }
            return call_method(vm, first, name, rest.to_vec(), kwargs);
        }
    }
    if let Value::Module(m) = recv {
        return match module_attr(*m, name) {
            Some(f) => vm.call(f, args, kwargs),
            None => Err(ExcObj::msg(
                ExcType::AttributeError,
                format!("module '{}' has no attribute '{name}'", m.name()),
            )),
        };
    }
    if let Some(r) = asyncio_api::call_method(vm, recv, name, &args, &kwargs) {
        return r;
    }
    if let Some(r) = methods::call_method(vm, recv, name, args.clone(), &kwargs) {
        return r.map(Called::Value);
    }
    match crate::ops::getattr(vm, recv, name) {
        Ok(f) => vm.call(f, args, kwargs),
        Err(e) => Err(e),
    }
}

/// Calling a type: `int("3")`, `ValueError("bad")`, `list(x)`.
pub(crate) fn construct(
    vm: &mut Vm,
    t: TypeId,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> Result<Called, ExcRef> {
    functions::construct(vm, t, args, kwargs).map(Called::Value)
}

fn no_protocol(mgr: &Value, is_async: bool) -> ExcRef {
    ExcObj::msg(
        ExcType::TypeError,
        format!(
            "'{}' object does not support the {}context manager protocol",
            mgr.type_name(),
            if is_async { "asynchronous " } else { "" }
        ),
    )
}

/// `__aenter__`/`__enter__`: for `async with`, an awaitable.
pub(crate) fn with_enter(vm: &mut Vm, mgr: &Value, is_async: bool) -> Result<Value, ExcRef> {
    let Value::Obj(o) = mgr else {
        return Err(no_protocol(mgr, is_async));
    };
    if !is_async {
        // `with ThreadPoolExecutor(...) as pool:`
        return match &**o {
            AsyncObj::Executor(..) => Ok(mgr.clone()),
            _ => Err(no_protocol(mgr, is_async)),
        };
    }
    aenter(vm, o).map(|n| coro_value(vm, "__aenter__", n))
}

/// `__aenter__` of an asyncio object (`async with lock:`), as its coroutine.
pub(crate) fn aenter(vm: &mut Vm, o: &Rc<AsyncObj>) -> Result<NativeCoro, ExcRef> {
    Ok(match &**o {
        AsyncObj::Lock(_) => NativeCoro::LockAcquire {
            lock: o.clone(),
            fut: None,
            ret: Value::None,
        },
        AsyncObj::Condition { lock, .. } => NativeCoro::LockAcquire {
            lock: lock.clone(),
            fut: None,
            ret: Value::None,
        },
        AsyncObj::Semaphore(_) => NativeCoro::SemAcquire {
            sem: o.clone(),
            fut: None,
            ret: Value::None,
        },
        AsyncObj::TaskGroup(_) => NativeCoro::Ready(Some(combinators::taskgroup_enter(vm, o))),
        AsyncObj::Timeout(_) => NativeCoro::Ready(Some(combinators::timeout_enter(vm, o))),
        _ => return Err(no_protocol(&Value::Obj(o.clone()), true)),
    })
}

/// `__aexit__`/`__exit__` with the exception being handled (if any).
pub(crate) fn with_exit(
    vm: &mut Vm,
    mgr: &Value,
    exc: Option<ExcRef>,
    is_async: bool,
) -> Result<Value, ExcRef> {
    let Value::Obj(o) = mgr else {
        return Err(no_protocol(mgr, is_async));
    };
    if let (AsyncObj::Executor(id, _), false) = (&**o, is_async) {
        // `__exit__` is `shutdown(wait=True)`: the calling thread joins the workers.
        vm.shutdown_executor(*id, true);
        return Ok(Value::None);
    }
    aexit(vm, o, exc).map(|n| coro_value(vm, "__aexit__", n))
}

/// `__aexit__` of an asyncio object with the exception being handled (if
/// any), as its coroutine.
pub(crate) fn aexit(
    vm: &mut Vm,
    o: &Rc<AsyncObj>,
    exc: Option<ExcRef>,
) -> Result<NativeCoro, ExcRef> {
    Ok(match &**o {
        AsyncObj::Lock(_) => {
            NativeCoro::Ready(Some(native::lock_release(vm, o).map(|_| Value::None)))
        }
        AsyncObj::Condition { lock, .. } => {
            NativeCoro::Ready(Some(native::lock_release(vm, lock).map(|_| Value::None)))
        }
        AsyncObj::Semaphore(_) => {
            NativeCoro::Ready(Some(native::sem_release(vm, o).map(|_| Value::None)))
        }
        AsyncObj::TaskGroup(_) => NativeCoro::TaskGroupExit {
            tg: o.clone(),
            exc,
            propagate: None,
            started: false,
        },
        AsyncObj::Timeout(_) => NativeCoro::Ready(Some(combinators::timeout_exit(vm, o, exc))),
        _ => return Err(no_protocol(&Value::Obj(o.clone()), true)),
    })
}

pub(crate) fn kwarg<'a>(kwargs: &'a Kwargs, name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

/// Reject keyword arguments a builtin does not take.
pub(crate) fn check_kwargs(fname: &str, kwargs: &Kwargs, allowed: &[&str]) -> Result<(), ExcRef> {
    for (k, _) in kwargs {
        if !allowed.contains(&&**k) {
            return Err(ExcObj::msg(
                ExcType::TypeError,
                format!("{fname}() got an unexpected keyword argument '{k}'"),
            ));
        }
    }
    Ok(())
}

/// The arguments of a function written in Python in CPython (asyncio's own:
/// `asyncio.wait_for(fut, timeout)`, `Queue.put_nowait(self, item)`, …),
/// checked with CPython's wording: too many positional arguments, a
/// keyword given twice or unknown (`strict_keywords`: functions and
/// constructors check their keyword-only parameters themselves), then the
/// required ones missing.
/// `qualname` is what CPython prints (`Queue.put_nowait`); for a method,
/// `self` counts among the positional arguments as it does there.
pub(crate) struct PySignature {
    pub(crate) qualname: &'static str,
    pub(crate) params: &'static [&'static str],
    pub(crate) required: usize,
    /// `self` counts among the positional arguments (methods, `__init__`).
    pub(crate) method: bool,
    /// Keywords other than the parameters are refused here (methods).
    pub(crate) strict_keywords: bool,
}

impl PySignature {
    pub(crate) fn check(&self, args: &[Value], kwargs: &Kwargs) -> Result<(), ExcRef> {
        let (total, given) = (self.params.len(), args.len());
        // The usual call, every argument positional and none missing or extra.
        if kwargs.is_empty() && (self.required..=total).contains(&given) {
            return Ok(());
        }
        let name = self.qualname;
        let this = usize::from(self.method);
        if given > total {
            let (lo, hi) = (self.required + this, total + this);
            let takes = if lo == hi {
                format!("{hi} positional argument{}", if hi == 1 { "" } else { "s" })
            } else {
                format!("from {lo} to {hi} positional arguments")
            };
            let given = given + this;
            let was = if given == 1 { "was" } else { "were" };
            return Err(ExcObj::msg(
                ExcType::TypeError,
                format!("{name}() takes {takes} but {given} {was} given"),
            ));
        }
        for (k, _) in kwargs {
            match self.params.iter().position(|p| **p == **k) {
                Some(i) if i < given => {
                    return Err(ExcObj::msg(
                        ExcType::TypeError,
                        format!("{name}() got multiple values for argument '{k}'"),
                    ))
                }
                Some(_) => {}
                None if self.strict_keywords => {
                    return Err(ExcObj::msg(
                        ExcType::TypeError,
                        format!("{name}() got an unexpected keyword argument '{k}'"),
                    ))
                }
                None => {}
            }
        }
        let missing: Vec<String> = self.params[..self.required]
            .iter()
            .enumerate()
            .filter(|&(i, p)| i >= given && !kwargs.iter().any(|(k, _)| &**k == *p))
            .map(|(_, p)| format!("'{p}'"))
            .collect();
        let list = match missing.as_slice() {
            [] => return Ok(()),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        };
        let n = missing.len();
        Err(ExcObj::msg(
            ExcType::TypeError,
            format!(
                "{name}() missing {n} required positional argument{}: {list}",
                if n == 1 { "" } else { "s" }
            ),
        ))
    }
}

pub(crate) fn arg_count(fname: &str, args: &[Value], min: usize, max: usize) -> Result<(), ExcRef> {
    if args.len() < min || args.len() > max {
        // CPython's wording for functions of fixed arity (METH_NOARGS / METH_O).
        let msg = if max == 0 {
            format!("{fname}() takes no arguments ({} given)", args.len())
        } else if min == 1 && max == 1 {
            format!(
                "{fname}() takes exactly one argument ({} given)",
                args.len()
            )
        } else if min == max {
            format!(
                "{fname}() takes exactly {min} arguments ({} given)",
                args.len()
            )
        } else if args.len() < min {
            format!(
                "{fname}() missing required argument (expected at least {min}, got {})",
                args.len()
            )
        } else {
            format!(
                "{fname}() takes at most {max} arguments ({} given)",
                args.len()
            )
        };
        return Err(ExcObj::msg(ExcType::TypeError, msg));
    }
    Ok(())
}
