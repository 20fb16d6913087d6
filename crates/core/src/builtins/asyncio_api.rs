//! The asyncio module's functions and the methods of futures, tasks, locks, queues and friends.

use std::cell::RefCell;
use std::rc::Rc;

use super::{arg_count, check_kwargs, kwarg, Builtin, PySignature};
use crate::asyncio::combinators;
use crate::asyncio::event_loop::{Callback, UserCallback};
use crate::asyncio::native::{self, coro_value, CondPhase, NativeCoro, WaitForState};
use crate::asyncio::objects::{
    AsyncObj, EventState, FutRef, FutState, Future, LockState, SemState, TaskGroupState,
    TimeoutPhase, TimeoutState,
};
use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::machine::Settle;
use crate::trace::WaitOn;
use crate::value::{to_str, Dict, Key, Value};
use crate::vm::{make_cancelled_error, Called, Kwargs, Vm, NO_KWARGS};

fn type_err(m: impl Into<String>) -> ExcRef {
    ExcObj::msg(ExcType::TypeError, m.into())
}

fn no_loop() -> ExcRef {
    ExcObj::msg(ExcType::RuntimeError, "no running event loop")
}

fn opt_seconds(v: Option<&Value>, what: &str) -> Result<Option<f64>, ExcRef> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(x) => x.as_float().map(Some).ok_or_else(|| {
            type_err(format!(
                "'{}' object cannot be used as {what}",
                x.type_name()
            ))
        }),
    }
}

fn new_obj(o: AsyncObj) -> Value {
    Value::Obj(Rc::new(o))
}

/// The signatures of asyncio's functions and classes that CPython writes
/// in Python, for its wording of argument errors.
fn python_signature(b: Builtin) -> Option<PySignature> {
    use Builtin as B;
    let (qualname, params, required, method): (&'static str, &'static [&'static str], usize, bool) =
        match b {
            B::Run => ("run", &["main"], 1, false),
            B::CreateTask => ("create_task", &["coro"], 1, false),
            B::EnsureFuture => ("ensure_future", &["coro_or_future"], 1, false),
            B::WaitFor => ("wait_for", &["fut", "timeout"], 2, false),
            B::Shield => ("shield", &["arg"], 1, false),
            B::Wait => ("wait", &["fs"], 1, false),
            B::AsCompleted => ("as_completed", &["fs"], 1, false),
            B::Timeout => ("timeout", &["delay"], 1, false),
            B::TimeoutAt => ("timeout_at", &["when"], 1, false),
            B::CurrentTask => ("current_task", &["loop"], 0, false),
            B::AllTasks => ("all_tasks", &["loop"], 0, false),
            B::Queue => ("Queue.__init__", &["maxsize"], 0, true),
            B::Lock => ("Lock.__init__", &[], 0, true),
            B::Event => ("Event.__init__", &[], 0, true),
            B::Semaphore => ("Semaphore.__init__", &["value"], 0, true),
            B::BoundedSemaphore => ("BoundedSemaphore.__init__", &["value"], 0, true),
            B::Condition => ("Condition.__init__", &["lock"], 0, true),
            _ => return None,
        };
    Some(PySignature {
        qualname,
        params,
        required,
        method,
        strict_keywords: false,
    })
}

/// The signatures of the asyncio objects' methods CPython writes in Python.
fn method_signature(o: &AsyncObj, name: &str) -> Option<PySignature> {
    let (qualname, params, required): (&'static str, &'static [&'static str], usize) =
        match (o, name) {
            (AsyncObj::Queue(_), "put") => ("Queue.put", &["item"], 1),
            (AsyncObj::Queue(_), "put_nowait") => ("Queue.put_nowait", &["item"], 1),
            (AsyncObj::Queue(_), "get") => ("Queue.get", &[], 0),
            (AsyncObj::Queue(_), "get_nowait") => ("Queue.get_nowait", &[], 0),
            (AsyncObj::Queue(_), "qsize") => ("Queue.qsize", &[], 0),
            (AsyncObj::Queue(_), "empty") => ("Queue.empty", &[], 0),
            (AsyncObj::Queue(_), "full") => ("Queue.full", &[], 0),
            (AsyncObj::Queue(_), "task_done") => ("Queue.task_done", &[], 0),
            (AsyncObj::Queue(_), "join") => ("Queue.join", &[], 0),
            // A Condition's acquire, release and locked are its lock's.
            (AsyncObj::Lock(_) | AsyncObj::Condition { .. }, "acquire") => ("Lock.acquire", &[], 0),
            (AsyncObj::Lock(_) | AsyncObj::Condition { .. }, "release") => ("Lock.release", &[], 0),
            (AsyncObj::Lock(_) | AsyncObj::Condition { .. }, "locked") => ("Lock.locked", &[], 0),
            (AsyncObj::Condition { .. }, "wait") => ("Condition.wait", &[], 0),
            (AsyncObj::Condition { .. }, "wait_for") => ("Condition.wait_for", &["predicate"], 1),
            (AsyncObj::Condition { .. }, "notify") => ("Condition.notify", &["n"], 0),
            (AsyncObj::Condition { .. }, "notify_all") => ("Condition.notify_all", &[], 0),
            (AsyncObj::Event(_), "set") => ("Event.set", &[], 0),
            (AsyncObj::Event(_), "clear") => ("Event.clear", &[], 0),
            (AsyncObj::Event(_), "is_set") => ("Event.is_set", &[], 0),
            (AsyncObj::Event(_), "wait") => ("Event.wait", &[], 0),
            (AsyncObj::Semaphore(_), "acquire") => ("Semaphore.acquire", &[], 0),
            (AsyncObj::Semaphore(_), "locked") => ("Semaphore.locked", &[], 0),
            (AsyncObj::Semaphore(s), "release") => {
                if s.borrow().bound.is_some() {
                    ("BoundedSemaphore.release", &[], 0)
                } else {
                    ("Semaphore.release", &[], 0)
                }
            }
            _ => return None,
        };
    Some(PySignature {
        qualname,
        params,
        required,
        method: true,
        strict_keywords: true,
    })
}

/// asyncio functions and constructors; `None` for builtins handled elsewhere.
pub(crate) fn call(
    vm: &mut Vm,
    b: Builtin,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<Result<Called, ExcRef>> {
    if let Some(sig) = python_signature(b) {
        if let Err(e) = sig.check(args, kwargs) {
            return Some(Err(e));
        }
    }
    if b == Builtin::Run {
        return Some((|| {
            check_kwargs("run", kwargs, &["debug"])?;
            arg_count("run", args, 1, 1)?;
            vm.asyncio_run(args[0].clone())
        })());
    }
    Some(call_inner(vm, b, args, kwargs)?.map(Called::Value))
}

/// `asyncio.sleep(delay, result=None)`'s coroutine. `sleep` is a Python
/// function in CPython: its argument errors are worded as for one.
fn sleep(args: &[Value], kwargs: &Kwargs) -> Result<NativeCoro, ExcRef> {
    check_kwargs("sleep", kwargs, &["delay", "result"])?;
    if args.len() > 2 {
        return Err(type_err(format!(
            "sleep() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let param = |i: usize, name: &str| match (args.get(i), kwarg(kwargs, name)) {
        (Some(_), Some(_)) => Err(type_err(format!(
            "sleep() got multiple values for argument '{name}'"
        ))),
        (a, k) => Ok(a.or(k)),
    };
    let Some(delay) = param(0, "delay")? else {
        return Err(type_err(
            "sleep() missing 1 required positional argument: 'delay'",
        ));
    };
    let result = param(1, "result")?.cloned().unwrap_or(Value::None);
    let delay = delay.as_float().ok_or_else(|| {
        type_err(format!(
            "'<=' not supported between instances of '{}' and 'int'",
            delay.type_name()
        ))
    })?;
    Ok(NativeCoro::Sleep { delay, result })
}

/// `await b(*args)` made in one go when `b` is one of asyncio's own
/// coroutine functions that can be: the coroutine's frame without the
/// coroutine object around it (which nothing could ever see). `None`: call
/// and await as usual.
pub(crate) fn awaited_call(b: Builtin, args: &[Value]) -> Option<Result<NativeCoro, ExcRef>> {
    match b {
        // `sleep(delay)` with one number is made by the interpreter before
        // this (`plain_sleep`): the rest, with `sleep`'s checks.
        Builtin::Sleep => Some(sleep(args, NO_KWARGS)),
        _ => None,
    }
}

/// The delay of `sleep(delay)` called with one number and nothing else, the
/// usual call: awaited at once, it needs neither a coroutine nor its frame
/// (`None`: any other call).
pub(crate) fn plain_sleep(b: Builtin, args: &[Value]) -> Option<f64> {
    match (b, args) {
        (Builtin::Sleep, [delay]) => delay.as_float(),
        _ => None,
    }
}

/// `asyncio.gather(*args, **kwargs)`, given the arguments themselves (as
/// `builtins::call` has them): the coroutines become tasks with nothing else
/// holding them, so their objects can be reused (`Vm::create_task`).
pub(crate) fn gather(vm: &mut Vm, args: Vec<Value>, kwargs: &Kwargs) -> Result<Value, ExcRef> {
    check_kwargs("gather", kwargs, &["return_exceptions"])?;
    let re = kwarg(kwargs, "return_exceptions").is_some_and(|v| v.truthy());
    Ok(Value::Future(combinators::gather(vm, args, re)?))
}

thread_local! {
    /// What `call_inner` answers for a builtin that is not one of its own
    /// (a bare StopIteration, as it was): made once rather than for every
    /// call of `sum`, `len`, `print`, … that passes through.
    static NOT_ASYNCIO: ExcRef = ExcObj::bare(ExcType::StopIteration);
}

fn call_inner(
    vm: &mut Vm,
    b: Builtin,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<Result<Value, ExcRef>> {
    use Builtin as B;
    let r = (|| -> Result<Value, ExcRef> {
        match b {
            B::Sleep => Ok(coro_value(vm, "sleep", sleep(args, kwargs)?)),
            B::Gather => gather(vm, args.to_vec(), kwargs),
            B::CreateTask | B::EnsureFuture => {
                check_kwargs(b.name(), kwargs, &["name", "context", "loop"])?;
                arg_count(b.name(), args, 1, 1)?;
                if b == B::EnsureFuture {
                    return Ok(Value::Future(vm.ensure_future(args[0].clone())?));
                }
                if !vm.lp.running {
                    if let Value::Coro(c) = &args[0] {
                        c.borrow_mut().state = crate::value::CoroState::Started;
                    }
                    return Err(no_loop());
                }
                let name = kwarg(kwargs, "name")
                    .filter(|v| !matches!(v, Value::None))
                    .map(to_str);
                let t = vm.create_task(args[0].clone(), None)?;
                if let Some(n) = name {
                    vm.rename_task(&t, n);
                }
                Ok(Value::Future(t))
            }
            B::WaitFor => {
                check_kwargs("wait_for", kwargs, &["timeout"])?;
                arg_count("wait_for", args, 1, 2)?;
                // CPython evaluates `timeout <= 0`: a non-number fails in that comparison.
                let timeout = match args.get(1).or_else(|| kwarg(kwargs, "timeout")) {
                    None | Some(Value::None) => None,
                    Some(v) => Some(v.as_float().ok_or_else(|| {
                        type_err(format!(
                            "'<=' not supported between instances of '{}' and 'int'",
                            v.type_name()
                        ))
                    })?),
                };
                if args.len() < 2 && kwarg(kwargs, "timeout").is_none() {
                    return Err(type_err(
                        "wait_for() missing 1 required positional argument: 'timeout'",
                    ));
                }
                let n = NativeCoro::WaitFor {
                    arg: Some(args[0].clone()),
                    timeout,
                    st: WaitForState::Start,
                };
                Ok(coro_value(vm, "wait_for", n))
            }
            B::Timeout | B::TimeoutAt => {
                arg_count(b.name(), args, 1, 1)?;
                if !vm.lp.running {
                    return Err(no_loop());
                }
                let t = opt_seconds(args.first(), "a delay")?;
                let when = if b == B::Timeout {
                    t.map(|d| vm.lp.now + d)
                } else {
                    t
                };
                Ok(new_obj(AsyncObj::Timeout(RefCell::new(TimeoutState {
                    phase: TimeoutPhase::Created,
                    when,
                    handle: None,
                    task: None,
                    cancelling: 0,
                }))))
            }
            B::Wait => {
                check_kwargs("wait", kwargs, &["timeout", "return_when"])?;
                arg_count("wait", args, 1, 1)?;
                let fs = match &args[0] {
                    Value::Future(_) | Value::Coro(_) => {
                        return Err(type_err(format!(
                            "expect a list of futures, not {}",
                            args[0].type_name()
                        )))
                    }
                    v => crate::ops::collect(vm, v)?,
                };
                let timeout = opt_seconds(kwarg(kwargs, "timeout"), "a timeout")?;
                let rw: Rc<str> = match kwarg(kwargs, "return_when") {
                    Some(Value::Str(s)) => s.clone(),
                    Some(o) => Rc::from(crate::value::repr(o).as_str()),
                    None => Rc::from("ALL_COMPLETED"),
                };
                Ok(coro_value(
                    vm,
                    "wait",
                    NativeCoro::Wait {
                        fs,
                        timeout,
                        return_when: rw,
                        state: None,
                    },
                ))
            }
            B::AsCompleted => {
                check_kwargs("as_completed", kwargs, &["timeout"])?;
                arg_count("as_completed", args, 1, 1)?;
                if matches!(args[0], Value::Future(_) | Value::Coro(_)) {
                    return Err(type_err(format!(
                        "expect an iterable of futures, not {}",
                        args[0].type_name()
                    )));
                }
                let fs = crate::ops::collect(vm, &args[0])?;
                let timeout = opt_seconds(kwarg(kwargs, "timeout"), "a timeout")?;
                Ok(combinators::as_completed(vm, fs, timeout))
            }
            B::Shield => {
                arg_count("shield", args, 1, 1)?;
                Ok(Value::Future(combinators::shield(vm, args[0].clone())?))
            }
            B::CurrentTask => {
                if !vm.lp.running {
                    return Err(no_loop());
                }
                Ok(vm.current.clone().map_or(Value::None, Value::Future))
            }
            B::AllTasks => {
                if !vm.lp.running {
                    return Err(no_loop());
                }
                let mut d = Dict::default();
                for t in vm.held_tasks().filter(|t| !t.borrow().done()) {
                    d.insert(Key(Value::Future(t.clone())), Value::None);
                }
                Ok(Value::Set(Rc::new(RefCell::new(d))))
            }
            B::GetRunningLoop => {
                if !vm.lp.running {
                    return Err(no_loop());
                }
                Ok(new_obj(AsyncObj::Loop))
            }
            B::NewFuture => Ok(Value::Future(Future::new(WaitOn::Future))),
            B::Lock => Ok(new_obj(AsyncObj::Lock(RefCell::new(LockState {
                locked: false,
                waiters: Default::default(),
            })))),
            B::Event => Ok(new_obj(AsyncObj::Event(RefCell::new(EventState {
                value: false,
                waiters: Default::default(),
            })))),
            B::Condition => {
                let lock = match args.first().or_else(|| kwarg(kwargs, "lock")) {
                    Some(Value::Obj(o)) if matches!(&**o, AsyncObj::Lock(_)) => o.clone(),
                    None | Some(Value::None) => Rc::new(AsyncObj::Lock(RefCell::new(LockState {
                        locked: false,
                        waiters: Default::default(),
                    }))),
                    Some(o) => {
                        return Err(type_err(format!(
                            "Condition() needs a Lock, not {}",
                            o.type_name()
                        )))
                    }
                };
                Ok(new_obj(AsyncObj::Condition {
                    lock,
                    waiters: RefCell::new(Default::default()),
                }))
            }
            B::Semaphore | B::BoundedSemaphore => {
                let v = match args.first().or_else(|| kwarg(kwargs, "value")) {
                    Some(x) => x
                        .as_int()
                        .ok_or_else(|| type_err("Semaphore value must be an integer"))?,
                    None => 1,
                };
                if v < 0 {
                    return Err(ExcObj::msg(
                        ExcType::ValueError,
                        "Semaphore initial value must be >= 0",
                    ));
                }
                let bound = if b == B::BoundedSemaphore {
                    Some(v)
                } else {
                    None
                };
                Ok(new_obj(AsyncObj::Semaphore(RefCell::new(SemState {
                    value: v,
                    bound,
                    waiters: Default::default(),
                }))))
            }
            B::Queue => {
                let m = match args.first().or_else(|| kwarg(kwargs, "maxsize")) {
                    Some(x) => x
                        .as_int()
                        .ok_or_else(|| type_err("Queue maxsize must be an integer"))?,
                    None => 0,
                };
                Ok(Value::Obj(combinators::new_queue(m)))
            }
            B::TaskGroup => Ok(new_obj(AsyncObj::TaskGroup(RefCell::new(TaskGroupState {
                entered: false,
                exiting: false,
                aborting: false,
                parent: None,
                parent_cancel_requested: false,
                tasks: Vec::new(),
                errors: Vec::new(),
                base_error: None,
                on_completed: None,
            })))),
            B::ToThread => {
                if !kwargs.is_empty() {
                    return Err(type_err("to_thread(): keyword arguments for the function are not supported in loopscope"));
                }
                let Some((func, rest)) = args.split_first() else {
                    return Err(type_err(
                        "to_thread() missing 1 required positional argument: 'func'",
                    ));
                };
                let n = NativeCoro::ToThread {
                    func: func.clone(),
                    args: rest.to_vec(),
                    started: false,
                };
                Ok(coro_value(vm, "to_thread", n))
            }
            B::Iscoroutine => Ok(Value::Bool(matches!(args.first(), Some(Value::Coro(_))))),
            _ => Err(NOT_ASYNCIO.with(Rc::clone)),
        }
    })();
    match r {
        Err(e) if e.typ == ExcType::StopIteration && e.args.is_empty() => None,
        other => Some(other),
    }
}

const FUTURE_METHODS: &[&str] = &[
    "done",
    "result",
    "exception",
    "cancel",
    "cancelled",
    "get_name",
    "set_name",
    "add_done_callback",
    "remove_done_callback",
    "set_result",
    "set_exception",
    "cancelling",
    "uncancel",
    "get_loop",
];

pub(crate) fn has_method(obj: &Value, name: &str) -> bool {
    match obj {
        Value::Future(_) => FUTURE_METHODS.contains(&name),
        Value::Obj(o) => match &**o {
            AsyncObj::Lock(_) => matches!(name, "acquire" | "release" | "locked"),
            AsyncObj::Event(_) => matches!(name, "set" | "clear" | "is_set" | "wait"),
            AsyncObj::Condition { .. } => {
                matches!(
                    name,
                    "acquire"
                        | "release"
                        | "locked"
                        | "wait"
                        | "wait_for"
                        | "notify"
                        | "notify_all"
                )
            }
            AsyncObj::Semaphore(_) => matches!(name, "acquire" | "release" | "locked"),
            AsyncObj::Queue(_) => matches!(
                name,
                "put"
                    | "get"
                    | "put_nowait"
                    | "get_nowait"
                    | "task_done"
                    | "join"
                    | "qsize"
                    | "empty"
                    | "full"
            ),
            AsyncObj::TaskGroup(_) => name == "create_task",
            AsyncObj::Timeout(_) => matches!(name, "when" | "reschedule" | "expired"),
            AsyncObj::Executor(..) => name == "shutdown",
            AsyncObj::Loop => matches!(
                name,
                "time"
                    | "create_future"
                    | "call_soon"
                    | "call_later"
                    | "call_at"
                    | "create_task"
                    | "run_in_executor"
            ),
            AsyncObj::Handle(_, when) => {
                matches!(name, "cancel" | "cancelled") || (name == "when" && when.is_some())
            }
        },
        _ => false,
    }
}

fn future_method(
    vm: &mut Vm,
    f: &FutRef,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> Result<Value, ExcRef> {
    let is_task = f.borrow().task.is_some();
    match name {
        "done" => Ok(Value::Bool(f.borrow().done())),
        "cancelled" => Ok(Value::Bool(f.borrow().cancelled())),
        "result" => {
            if !f.borrow().done() {
                return Err(ExcObj::msg(
                    ExcType::InvalidStateError,
                    "Result is not set.",
                ));
            }
            vm.future_result(f)
        }
        "exception" => {
            let mut fb = f.borrow_mut();
            match fb.state.clone() {
                FutState::Pending => Err(ExcObj::msg(
                    ExcType::InvalidStateError,
                    "Exception is not set.",
                )),
                FutState::Cancelled => Err(make_cancelled_error(&mut fb)),
                FutState::Failed(e) => {
                    fb.log_traceback = false;
                    Ok(Value::Exc(e))
                }
                FutState::Done(_) => Ok(Value::None),
            }
        }
        "cancel" => {
            check_kwargs("cancel", kwargs, &["msg"])?;
            let msg = args
                .first()
                .or_else(|| kwarg(kwargs, "msg"))
                .cloned()
                .filter(|m| !matches!(m, Value::None));
            Ok(Value::Bool(vm.cancel(f, msg)))
        }
        "get_name" if is_task => Ok(Value::Str(
            f.borrow()
                .task
                .as_ref()
                .map_or_else(|| Rc::from(""), |t| Rc::from(&*t.name)),
        )),
        "set_name" if is_task => {
            arg_count("set_name", args, 1, 1)?;
            vm.rename_task(f, to_str(&args[0]));
            Ok(Value::None)
        }
        "cancelling" if is_task => Ok(Value::Int(
            f.borrow()
                .task
                .as_ref()
                .map_or(0, |t| t.num_cancels_requested) as i64,
        )),
        "uncancel" if is_task => {
            let mut fb = f.borrow_mut();
            let td = fb.task.as_mut().map(|t| {
                if t.num_cancels_requested > 0 {
                    t.num_cancels_requested -= 1;
                }
                t.num_cancels_requested
            });
            Ok(Value::Int(td.unwrap_or(0) as i64))
        }
        "add_done_callback" => {
            check_kwargs("add_done_callback", kwargs, &["context"])?;
            arg_count("add_done_callback", args, 1, 1)?;
            vm.add_done_callback(
                f,
                Callback::User(Box::new(UserCallback {
                    func: args[0].clone(),
                    args: Vec::new(),
                })),
            );
            Ok(Value::None)
        }
        "remove_done_callback" => {
            arg_count("remove_done_callback", args, 1, 1)?;
            let mut fb = f.borrow_mut();
            let before = fb.callbacks.len();
            fb.callbacks
                .retain(|c| !matches!(&c.cb, Callback::User(u) if u.func.is(&args[0])));
            Ok(Value::Int((before - fb.callbacks.len()) as i64))
        }
        "set_result" if !is_task => {
            arg_count("set_result", args, 1, 1)?;
            vm.set_result(f, args[0].clone()).map(|_| Value::None)
        }
        "set_exception" if !is_task => {
            arg_count("set_exception", args, 1, 1)?;
            let e = crate::ops::to_exception(vm, args[0].clone())?;
            if e.is(ExcType::StopIteration) && !f.borrow().done() {
                return Err(ExcObj::msg(
                    ExcType::TypeError,
                    "StopIteration interacts badly with generators and cannot be raised into a Future",
                ));
            }
            vm.set_exception(f, e).map(|_| Value::None)
        }
        "get_loop" => Ok(new_obj(AsyncObj::Loop)),
        _ => Err(ExcObj::msg(
            ExcType::AttributeError,
            format!(
                "'{}' object has no attribute '{name}'",
                if is_task { "Task" } else { "Future" }
            ),
        )),
    }
}

/// The coroutine of an object's coroutine method (`lock.acquire()`,
/// `queue.get()`, …) and its name; `None` for other methods.
///
/// Checks the arguments of every method CPython writes in Python first:
/// `Some(Err(…))` for a bad call of any of them.
pub(crate) fn obj_coro(
    o: &Rc<AsyncObj>,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<Result<(&'static str, NativeCoro), ExcRef>> {
    // The usual calls, which their signatures accept: made without looking
    // the signature up by name.
    if let (Some(m), true) = (plain_method(o, name, args.len()), kwargs.is_empty()) {
        let item = args.first().cloned().unwrap_or_default();
        return Some(Ok((m.qualname(), m.coro(o.clone(), item))));
    }
    if let Some(sig) = method_signature(o, name) {
        if let Err(e) = sig.check(args, kwargs) {
            return Some(Err(e));
        }
    }
    // Past its signature's check, a coroutine method's call is a plain one
    // but for `q.put(item=x)`.
    let item = args.first().or_else(|| kwarg(kwargs, "item"));
    let m = plain_method(o, name, usize::from(item.is_some()))?;
    let item = item.cloned().unwrap_or_default();
    Some(Ok((m.qualname(), m.coro(o.clone(), item))))
}

/// A coroutine method of one of asyncio's objects, called with exactly its
/// positional arguments (`await q.get()`, `await q.put(x)`, `async with`'s
/// `lock.acquire()`…): the interpreter makes its coroutine from what is on
/// its stack, moved rather than copied ([`Vm::awaited_method`]).
#[derive(Clone, Copy)]
pub(crate) enum PlainMethod {
    QueueGet,
    QueuePut,
    LockAcquire,
    SemAcquire,
    EventWait,
}

/// `o.name(…)` with `nargs` positional arguments as a [`PlainMethod`]
/// (`None`: not a coroutine method, or not called as usual).
/// (The object's kind first, then the name: one comparison of names each.)
pub(crate) fn plain_method(o: &AsyncObj, name: &str, nargs: usize) -> Option<PlainMethod> {
    Some(match (o, nargs) {
        (AsyncObj::Queue(_), 0) if name == "get" => PlainMethod::QueueGet,
        (AsyncObj::Queue(_), 1) if name == "put" => PlainMethod::QueuePut,
        (AsyncObj::Lock(_), 0) if name == "acquire" => PlainMethod::LockAcquire,
        (AsyncObj::Semaphore(_), 0) if name == "acquire" => PlainMethod::SemAcquire,
        (AsyncObj::Event(_), 0) if name == "wait" => PlainMethod::EventWait,
        _ => return None,
    })
}

impl PlainMethod {
    /// The positional arguments it takes.
    pub(crate) fn nargs(self) -> usize {
        usize::from(matches!(self, PlainMethod::QueuePut))
    }

    /// Its coroutine's qualified name (CPython's `__qualname__`).
    fn qualname(self) -> &'static str {
        match self {
            PlainMethod::QueueGet => "Queue.get",
            PlainMethod::QueuePut => "Queue.put",
            PlainMethod::LockAcquire => "Lock.acquire",
            PlainMethod::SemAcquire => "Semaphore.acquire",
            PlainMethod::EventWait => "Event.wait",
        }
    }

    /// Its coroutine on `o`, with the item to put (ignored by the others).
    pub(crate) fn coro(self, o: Rc<AsyncObj>, item: Value) -> NativeCoro {
        match self {
            PlainMethod::QueueGet => NativeCoro::QueueGet { q: o, getter: None },
            PlainMethod::QueuePut => NativeCoro::QueuePut {
                q: o,
                item,
                putter: None,
            },
            PlainMethod::LockAcquire => NativeCoro::LockAcquire {
                lock: o,
                fut: None,
                ret: Value::Bool(true),
            },
            PlainMethod::SemAcquire => NativeCoro::SemAcquire {
                sem: o,
                fut: None,
                ret: Value::Bool(true),
            },
            PlainMethod::EventWait => NativeCoro::EventWait { ev: o, fut: None },
        }
    }
}

fn obj_method(
    vm: &mut Vm,
    o: &Rc<AsyncObj>,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> Result<Value, ExcRef> {
    if let Some(made) = obj_coro(o, name, args, kwargs) {
        return made.map(|(name, n)| coro_value(vm, name, n));
    }
    match (&**o, name) {
        (AsyncObj::Lock(_), "release") => native::lock_release(vm, o).map(|_| Value::None),
        (AsyncObj::Lock(l), "locked") => Ok(Value::Bool(l.borrow().locked)),
        (AsyncObj::Condition { lock, .. }, "acquire") => Ok(native::acquire_coro(vm, lock.clone())),
        (AsyncObj::Condition { lock, .. }, "release") => {
            native::lock_release(vm, lock).map(|_| Value::None)
        }
        (AsyncObj::Condition { lock, .. }, "locked") => Ok(Value::Bool(
            matches!(&**lock, AsyncObj::Lock(l) if l.borrow().locked),
        )),
        (AsyncObj::Condition { .. }, "wait") => Ok(coro_value(
            vm,
            "Condition.wait",
            NativeCoro::CondWait {
                cond: o.clone(),
                phase: CondPhase::Start,
                outcome: None,
                cancelled: false,
            },
        )),
        (AsyncObj::Condition { .. }, "wait_for") => {
            arg_count("wait_for", args, 1, 1)?;
            Ok(coro_value(
                vm,
                "Condition.wait_for",
                NativeCoro::CondWaitFor {
                    cond: o.clone(),
                    predicate: args[0].clone(),
                    started: false,
                },
            ))
        }
        (AsyncObj::Condition { lock, waiters }, "notify" | "notify_all") => {
            let locked = matches!(&**lock, AsyncObj::Lock(l) if l.borrow().locked);
            if !locked {
                return Err(ExcObj::msg(
                    ExcType::RuntimeError,
                    "cannot notify on un-acquired lock",
                ));
            }
            let n = if name == "notify_all" {
                waiters.borrow().len() as i64
            } else {
                match args.first().or_else(|| kwarg(kwargs, "n")) {
                    Some(v) => v.as_int().unwrap_or(1),
                    None => 1,
                }
            };
            let ws: Vec<FutRef> = waiters.borrow().iter().cloned().collect();
            let mut idx = 0;
            for f in ws {
                if idx >= n {
                    break;
                }
                if !f.borrow().done() {
                    idx += 1;
                    let _ = vm.set_result(&f, Value::Bool(false));
                }
            }
            Ok(Value::None)
        }
        (AsyncObj::Event(_), "set") => {
            native::event_set(vm, o);
            Ok(Value::None)
        }
        (AsyncObj::Event(e), "clear") => {
            e.borrow_mut().value = false;
            Ok(Value::None)
        }
        (AsyncObj::Event(e), "is_set") => Ok(Value::Bool(e.borrow().value)),
        (AsyncObj::Semaphore(_), "release") => native::sem_release(vm, o).map(|_| Value::None),
        (AsyncObj::Semaphore(_), "locked") => Ok(Value::Bool(native::sem_locked(vm, o))),
        (AsyncObj::Queue(_), "put_nowait") => {
            let item = args.first().or_else(|| kwarg(kwargs, "item"));
            let item = item.cloned().unwrap_or(Value::None);
            native::queue_put_nowait(vm, o, item).map(|_| Value::None)
        }
        (AsyncObj::Queue(_), "get_nowait") => native::queue_get_nowait(vm, o),
        (AsyncObj::Queue(q), "task_done") => {
            let finished = {
                let mut s = q.borrow_mut();
                if s.unfinished <= 0 {
                    return Err(ExcObj::msg(
                        ExcType::ValueError,
                        "task_done() called too many times",
                    ));
                }
                s.unfinished -= 1;
                if s.unfinished == 0 {
                    Some(s.finished.clone())
                } else {
                    None
                }
            };
            if let Some(ev) = finished {
                native::event_set(vm, &ev);
            }
            Ok(Value::None)
        }
        (AsyncObj::Queue(_), "join") => Ok(coro_value(
            vm,
            "Queue.join",
            NativeCoro::QueueJoin {
                q: o.clone(),
                started: false,
            },
        )),
        (AsyncObj::Queue(q), "qsize") => Ok(Value::Int(q.borrow().items.len() as i64)),
        (AsyncObj::Queue(q), "empty") => Ok(Value::Bool(q.borrow().items.is_empty())),
        (AsyncObj::Queue(q), "full") => Ok(Value::Bool(q.borrow().full())),
        (AsyncObj::TaskGroup(_), "create_task") => {
            check_kwargs("create_task", kwargs, &["name", "context"])?;
            arg_count("create_task", args, 1, 1)?;
            let name = kwarg(kwargs, "name")
                .filter(|v| !matches!(v, Value::None))
                .map(to_str);
            combinators::taskgroup_create_task(vm, o, args[0].clone(), name)
        }
        (AsyncObj::Timeout(t), "when") => Ok(t.borrow().when.map_or(Value::None, Value::Float)),
        (AsyncObj::Timeout(t), "expired") => Ok(Value::Bool(matches!(
            t.borrow().phase,
            TimeoutPhase::Expiring | TimeoutPhase::Expired
        ))),
        (AsyncObj::Timeout(_), "reschedule") => {
            arg_count("reschedule", args, 1, 1)?;
            let when = opt_seconds(args.first(), "a deadline")?;
            combinators::timeout_reschedule(vm, o, when).map(|_| Value::None)
        }
        (AsyncObj::Loop, "time") => Ok(Value::Float(vm.lp.now)),
        (AsyncObj::Loop, "create_future") => Ok(Value::Future(Future::new(WaitOn::Future))),
        (AsyncObj::Loop, "create_task") => {
            arg_count("create_task", args, 1, 1)?;
            Ok(Value::Future(vm.create_task(args[0].clone(), None)?))
        }
        (AsyncObj::Loop, "call_soon" | "call_later" | "call_at") => {
            let skip = if name == "call_soon" { 0 } else { 1 };
            if args.len() <= skip {
                return Err(type_err(format!("{name}() missing a callback")));
            }
            let func = args[skip].clone();
            let cargs = args[skip + 1..].to_vec();
            let cb = Callback::User(Box::new(UserCallback { func, args: cargs }));
            let (flag, when) = match name {
                "call_soon" => {
                    let flag = vm
                        .lp
                        .cancelled
                        .new_flag(crate::asyncio::event_loop::NO_RECORD);
                    vm.lp.ready.push(crate::asyncio::event_loop::Handle {
                        cb,
                        arg: None,
                        cancelled: Some(flag),
                    });
                    (flag, None)
                }
                _ => {
                    let t = args[0]
                        .as_float()
                        .ok_or_else(|| type_err("a number is required"))?;
                    let when = if name == "call_later" {
                        vm.lp.now + t
                    } else {
                        t
                    };
                    (vm.call_at(when, cb), Some(when))
                }
            };
            Ok(new_obj(AsyncObj::Handle(flag, when)))
        }
        (AsyncObj::Loop, "run_in_executor") => {
            if args.len() < 2 {
                return Err(type_err(
                    "run_in_executor() missing required arguments: 'executor' and 'func'",
                ));
            }
            let executor = match &args[0] {
                Value::None => None,
                Value::Obj(o) => match &**o {
                    AsyncObj::Executor(id, _) => Some(*id),
                    _ => {
                        return Err(type_err(
                            "executor must be a concurrent.futures executor or None",
                        ))
                    }
                },
                _ => {
                    return Err(type_err(
                        "executor must be a concurrent.futures executor or None",
                    ))
                }
            };
            Ok(Value::Future(vm.run_in_executor(
                executor,
                args[1].clone(),
                args[2..].to_vec(),
                Settle::Now,
            )?))
        }
        (AsyncObj::Executor(id, _), "shutdown") => {
            check_kwargs("shutdown", kwargs, &["wait", "cancel_futures"])?;
            let wait = args
                .first()
                .or_else(|| kwarg(kwargs, "wait"))
                .is_none_or(|v| v.truthy());
            vm.shutdown_executor(*id, wait);
            Ok(Value::None)
        }
        (AsyncObj::Handle(_, Some(when)), "when") => Ok(Value::Float(*when)),
        (AsyncObj::Handle(h, _), "cancel") => {
            vm.cancel_timer(h);
            Ok(Value::None)
        }
        (AsyncObj::Handle(h, _), "cancelled") => Ok(Value::Bool(vm.lp.cancelled.get(*h))),
        _ => Err(ExcObj::msg(
            ExcType::AttributeError,
            format!("'{}' object has no attribute '{name}'", o.kind().name()),
        )),
    }
}

pub(crate) fn call_method(
    vm: &mut Vm,
    recv: &Value,
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> Option<Result<Called, ExcRef>> {
    if !has_method(recv, name) {
        return None;
    }
    let r = match recv {
        Value::Future(f) => future_method(vm, f, name, args, kwargs),
        Value::Obj(o) => obj_method(vm, o, name, args, kwargs),
        _ => return None,
    };
    Some(r.map(Called::Value))
}
