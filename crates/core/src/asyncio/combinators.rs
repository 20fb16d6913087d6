//! gather, shield, wait, as_completed, TaskGroup and timeout: CPython's callbacks, one for one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::asyncio::event_loop::Callback;
use crate::asyncio::native::{self, coro_value, NStep, NativeCoro};
use crate::asyncio::objects::{
    AsyncObj, FutRef, FutState, Future, QueueState, TaskGroupState, TimeoutPhase,
};
use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::trace::WaitOn;
use crate::value::{Dict, Key, Value};
use crate::vm::{make_cancelled_error, Resume, Vm};

/// A gather's state is its outer future itself (its `children`,
/// `gather_left` and `return_exceptions`): the children's done callbacks
/// (`Callback::GatherChildDone { state }`) hold the outer future, so a
/// gather allocates no state of its own (a gather tree makes one per node).
pub(crate) type GatherState = RefCell<Future>;

/// Up to this many awaitables, `gather` finds one given twice by looking
/// through those before it rather than in a map (which would be allocated
/// for every gather of a tree of them).
const GATHER_SCAN: usize = 16;

/// `asyncio.gather(*aws, return_exceptions=...)`.
pub(crate) fn gather(
    vm: &mut Vm,
    args: Vec<Value>,
    return_exceptions: bool,
) -> Result<FutRef, ExcRef> {
    if args.is_empty() {
        let outer = Future::new(WaitOn::Gather { children: 0 });
        vm.set_result(&outer, Value::list(Vec::new()))?;
        return Ok(outer);
    }
    // Made first, as the state its children's callbacks hold; no callback
    // runs before the children are all in (done callbacks are called soon).
    let outer = Future::new(WaitOn::Gather {
        children: args.len() as u32,
    });
    outer.borrow_mut().return_exceptions = return_exceptions;
    // CPython's `arg_to_fut`: the same awaitable twice is one child. Looked
    // up, never iterated (so the order stays the arguments' order): among
    // the identities of the arguments before (`idents`, one per child) when
    // they are few, else in a map.
    let scan = args.len() <= GATHER_SCAN;
    let mut idents: smallvec::SmallVec<[usize; GATHER_SCAN]> = smallvec::SmallVec::new();
    let mut seen: crate::asyncio::event_loop::BitsMap<usize, FutRef> = Default::default();
    if !scan {
        seen.reserve(args.len());
    }
    let mut children: Vec<FutRef> = Vec::with_capacity(args.len());
    let mut distinct: u32 = 0;
    for arg in args {
        let ident = arg.identity();
        let known = if scan {
            let at = idents.iter().position(|&i| i == ident);
            at.and_then(|k| children.get(k)).cloned()
        } else {
            seen.get(&ident).cloned()
        };
        let fut = match known {
            Some(f) => f,
            None => {
                let fut = match vm.ensure_future(arg) {
                    Ok(f) => f,
                    Err(e) => {
                        // In CPython `outer` is still None here: the callbacks
                        // of the children made so far find no gather and only
                        // retrieve their exceptions, as on a finished one.
                        outer.borrow_mut().state = FutState::Cancelled;
                        return Err(e);
                    }
                };
                distinct += 1;
                if !scan {
                    seen.insert(ident, fut.clone());
                }
                vm.add_done_callback(
                    &fut,
                    Callback::GatherChildDone {
                        state: outer.clone(),
                    },
                );
                fut
            }
        };
        if scan {
            idents.push(ident);
        }
        children.push(fut);
    }
    {
        let mut ob = outer.borrow_mut();
        ob.gather_left = distinct;
        ob.children = Some(children.into_boxed_slice());
    }
    vm.remember_links(&outer);
    Ok(outer)
}

fn take_exception(f: &FutRef) -> Option<ExcRef> {
    let mut fb = f.borrow_mut();
    match &fb.state {
        FutState::Failed(e) => {
            let e = e.clone();
            fb.log_traceback = false;
            Some(e)
        }
        _ => None,
    }
}

/// `_done_callback` of a child `fut` of the gather whose future is `outer`.
pub(crate) fn gather_child_done(vm: &mut Vm, outer: &FutRef, fut: &FutRef) {
    let (done, left, return_exceptions) = {
        let mut ob = outer.borrow_mut();
        ob.gather_left = ob.gather_left.saturating_sub(1);
        (ob.done(), ob.gather_left, ob.return_exceptions)
    };
    if done {
        if !fut.borrow().cancelled() {
            take_exception(fut);
        }
        return;
    }
    if !return_exceptions {
        if fut.borrow().cancelled() {
            let exc = make_cancelled_error(&mut fut.borrow_mut());
            let _ = vm.set_exception(outer, exc);
            return;
        }
        if let Some(exc) = take_exception(fut) {
            let _ = vm.set_exception(outer, exc);
            return;
        }
    }
    if left == 0 {
        let results = {
            let ob = outer.borrow();
            let children = ob.children.as_deref().unwrap_or_default();
            let mut results = Vec::with_capacity(children.len());
            for c in children {
                let mut cb = c.borrow_mut();
                let r = match &cb.state {
                    FutState::Cancelled => {
                        let msg = cb
                            .cancel_message()
                            .cloned()
                            .unwrap_or_else(|| Value::str(""));
                        Value::Exc(ExcObj::new(ExcType::CancelledError, vec![msg]))
                    }
                    FutState::Failed(e) => Value::Exc(e.clone()),
                    FutState::Done(v) => v.clone(),
                    FutState::Pending => Value::None,
                };
                cb.log_traceback = false;
                results.push(r);
            }
            results
        };
        if outer.borrow().cancel_requested {
            let exc = make_cancelled_error(&mut fut.borrow_mut());
            let _ = vm.set_exception(outer, exc);
        } else {
            let _ = vm.set_result(outer, Value::list(results));
        }
    }
}

/// `asyncio.shield(aw)`.
pub(crate) fn shield(vm: &mut Vm, arg: Value) -> Result<FutRef, ExcRef> {
    let inner = vm.ensure_future(arg)?;
    if inner.borrow().done() {
        return Ok(inner);
    }
    let on = match inner.borrow().task_id() {
        Some(t) => WaitOn::Task { task: t },
        None => WaitOn::Shield,
    };
    let outer = Future::new(on);
    let inner_cb = vm.add_done_callback(
        &inner,
        Callback::ShieldInnerDone {
            outer: outer.clone(),
        },
    );
    vm.remember_links(&outer);
    vm.remember_links(&inner);
    vm.add_done_callback(&outer, Callback::ShieldOuterDone { inner, inner_cb });
    Ok(outer)
}

pub(crate) fn shield_inner_done(vm: &mut Vm, outer: &FutRef, inner: &FutRef) {
    if outer.borrow().cancelled() {
        if !inner.borrow().cancelled() {
            take_exception(inner);
        }
        return;
    }
    if inner.borrow().cancelled() {
        vm.cancel(outer, None);
    } else if let Some(e) = take_exception(inner) {
        let _ = vm.set_exception(outer, e);
    } else {
        let v = match &inner.borrow().state {
            FutState::Done(v) => v.clone(),
            _ => Value::None,
        };
        let _ = vm.set_result(outer, v);
    }
}

pub(crate) struct WaitState {
    fs: Vec<FutRef>,
    cbs: RefCell<Vec<u64>>,
    waiter: FutRef,
    handle: Option<crate::asyncio::event_loop::TimerRef>,
    counter: Cell<i64>,
    return_when: Rc<str>,
}

fn futures_of(vm: &mut Vm, fs: &[Value], what: &str) -> Result<Vec<FutRef>, ExcRef> {
    let mut out: Vec<FutRef> = Vec::new();
    for v in fs {
        match v {
            Value::Future(f) => {
                if !out.iter().any(|x| Rc::ptr_eq(x, f)) {
                    out.push(f.clone());
                }
            }
            Value::Coro(_) if what == "wait" => {
                return Err(ExcObj::msg(
                    ExcType::TypeError,
                    "Passing coroutines is forbidden, use tasks explicitly.",
                ))
            }
            other => out.push(vm.ensure_future(other.clone())?),
        }
    }
    Ok(out)
}

/// The first step of `asyncio.wait`: validate, register callbacks, return the waiter.
pub(crate) fn wait_start(
    vm: &mut Vm,
    fs: &[Value],
    timeout: Option<f64>,
    return_when: &Rc<str>,
) -> Result<(Rc<WaitState>, FutRef), ExcRef> {
    if fs.is_empty() {
        return Err(ExcObj::msg(
            ExcType::ValueError,
            "Set of Tasks/Futures is empty.",
        ));
    }
    if !matches!(
        &**return_when,
        "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED"
    ) {
        return Err(ExcObj::msg(
            ExcType::ValueError,
            format!("Invalid return_when value: {return_when}"),
        ));
    }
    let fs = futures_of(vm, fs, "wait")?;
    let waiter = Future::new(WaitOn::Wait {
        tasks: fs.len() as u32,
    });
    vm.remember_links(&waiter);
    for f in &fs {
        vm.remember_links(f);
    }
    let handle = timeout.map(|t| {
        let when = vm.lp.now + t;
        vm.call_at(
            when,
            Callback::ReleaseWaiter {
                waiter: waiter.clone(),
            },
        )
    });
    let state = Rc::new(WaitState {
        counter: Cell::new(fs.len() as i64),
        fs,
        cbs: RefCell::new(Vec::new()),
        waiter: waiter.clone(),
        handle,
        return_when: return_when.clone(),
    });
    for f in state.fs.clone() {
        let id = vm.add_done_callback(
            &f,
            Callback::WaitCompletion {
                state: state.clone(),
            },
        );
        state.cbs.borrow_mut().push(id);
    }
    Ok((state, waiter))
}

pub(crate) fn wait_completion(vm: &mut Vm, state: &WaitState, f: &FutRef) {
    state.counter.set(state.counter.get() - 1);
    let first_exc = &*state.return_when == "FIRST_EXCEPTION"
        && !f.borrow().cancelled()
        && take_exception(f).is_some();
    if state.counter.get() <= 0 || &*state.return_when == "FIRST_COMPLETED" || first_exc {
        if let Some(h) = &state.handle {
            vm.cancel_timer(h);
        }
        if !state.waiter.borrow().done() {
            let _ = vm.set_result(&state.waiter, Value::None);
        }
    }
}

/// The end of `_wait`: unregister, split into (done, pending) sets.
pub(crate) fn wait_finish(vm: &mut Vm, state: &WaitState) -> Value {
    if let Some(h) = &state.handle {
        vm.cancel_timer(h);
    }
    let cbs = state.cbs.borrow().clone();
    for (f, id) in state.fs.iter().zip(cbs) {
        vm.remove_done_callback(f, id);
    }
    let mut done = Dict::default();
    let mut pending = Dict::default();
    for f in &state.fs {
        let k = Key(Value::Future(f.clone()));
        if f.borrow().done() {
            done.insert(k, Value::None);
        } else {
            pending.insert(k, Value::None);
        }
    }
    Value::tuple(vec![
        Value::Set(Rc::new(RefCell::new(done))),
        Value::Set(Rc::new(RefCell::new(pending))),
    ])
}

pub(crate) struct AsCompletedState {
    fs: RefCell<Option<Vec<Value>>>,
    timeout: Option<f64>,
    todo: RefCell<Vec<(FutRef, u64)>>,
    pub(crate) done: Rc<AsyncObj>,
    handle: RefCell<Option<crate::asyncio::event_loop::TimerRef>>,
    total: Cell<usize>,
}

pub(crate) fn as_completed(vm: &mut Vm, fs: Vec<Value>, timeout: Option<f64>) -> Value {
    let done = new_queue(0);
    let state = Rc::new(AsCompletedState {
        fs: RefCell::new(Some(fs)),
        timeout,
        todo: RefCell::new(Vec::new()),
        done,
        handle: RefCell::new(None),
        total: Cell::new(0),
    });
    let _ = vm;
    Value::Iter(Rc::new(RefCell::new(crate::value::IterObj::AsCompleted(
        state, 0,
    ))))
}

pub(crate) fn new_queue(maxsize: i64) -> Rc<AsyncObj> {
    let finished = Rc::new(AsyncObj::Event(RefCell::new(
        crate::asyncio::objects::EventState {
            value: true,
            waiters: Default::default(),
        },
    )));
    Rc::new(AsyncObj::Queue(RefCell::new(QueueState {
        maxsize,
        items: Default::default(),
        getters: Default::default(),
        putters: Default::default(),
        unfinished: 0,
        finished,
    })))
}

/// `next()` on the `as_completed` generator: the first call runs its set-up.
pub(crate) fn as_completed_next(
    vm: &mut Vm,
    state: &Rc<AsCompletedState>,
    n: usize,
) -> Result<Option<Value>, ExcRef> {
    let fs = state.fs.borrow_mut().take();
    if let Some(fs) = fs {
        let futs = futures_of(vm, &fs, "as_completed")?;
        for f in futs {
            let id = vm.add_done_callback(
                &f,
                Callback::AsCompletedDone {
                    state: state.clone(),
                },
            );
            state.todo.borrow_mut().push((f, id));
        }
        state.total.set(state.todo.borrow().len());
        if let Some(t) = state.timeout {
            if !state.todo.borrow().is_empty() {
                let when = vm.lp.now + t;
                let h = vm.call_at(
                    when,
                    Callback::AsCompletedTimeout {
                        state: state.clone(),
                    },
                );
                *state.handle.borrow_mut() = Some(h);
            }
        }
    }
    if n >= state.total.get() {
        return Ok(None);
    }
    Ok(Some(coro_value(
        vm,
        "as_completed.<locals>._wait_for_one",
        NativeCoro::WaitForOne {
            state: state.clone(),
            started: false,
        },
    )))
}

pub(crate) fn as_completed_done(vm: &mut Vm, state: &AsCompletedState, f: &FutRef) {
    if state.todo.borrow().is_empty() {
        return;
    }
    state.todo.borrow_mut().retain(|(x, _)| !Rc::ptr_eq(x, f));
    let _ = native::queue_put_nowait(vm, &state.done, Value::Future(f.clone()));
    if state.todo.borrow().is_empty() {
        if let Some(h) = &*state.handle.borrow() {
            vm.cancel_timer(h);
        }
    }
}

pub(crate) fn as_completed_timeout(vm: &mut Vm, state: &AsCompletedState) {
    let todo = std::mem::take(&mut *state.todo.borrow_mut());
    for (f, id) in todo {
        vm.remove_done_callback(&f, id);
        let _ = native::queue_put_nowait(vm, &state.done, Value::None);
    }
}

fn tg_state(tg: &AsyncObj) -> Option<&RefCell<TaskGroupState>> {
    match tg {
        AsyncObj::TaskGroup(s) => Some(s),
        _ => None,
    }
}

fn is_base_error(e: &ExcRef) -> bool {
    e.is(ExcType::SystemExit) || e.is(ExcType::KeyboardInterrupt)
}

/// `TaskGroup.create_task`.
pub(crate) fn taskgroup_create_task(
    vm: &mut Vm,
    tg: &Rc<AsyncObj>,
    coro: Value,
    name: Option<String>,
) -> Result<Value, ExcRef> {
    let Some(s) = tg_state(tg) else {
        return Ok(Value::None);
    };
    {
        let st = s.borrow();
        let r = tg_repr(&st);
        let err = |m: &str| {
            Err(ExcObj::msg(
                ExcType::RuntimeError,
                format!("TaskGroup {r} {m}"),
            ))
        };
        if !st.entered {
            return err("has not been entered");
        }
        if st.exiting && st.tasks.is_empty() {
            return err("is finished");
        }
        if st.aborting {
            return err("is shutting down");
        }
    }
    let task = vm.create_task(coro, None)?;
    if let Some(n) = name {
        vm.rename_task(&task, n);
    }
    vm.add_done_callback(&task, Callback::TaskGroupTaskDone { tg: tg.clone() });
    s.borrow_mut().tasks.push(task.clone());
    Ok(Value::Future(task))
}

/// `repr(TaskGroup)` as CPython's messages show it: `<TaskGroup tasks=2 entered>`.
fn tg_repr(st: &TaskGroupState) -> String {
    let mut info = vec![String::new()];
    if !st.tasks.is_empty() {
        info.push(format!("tasks={}", st.tasks.len()));
    }
    if !st.errors.is_empty() {
        info.push(format!("errors={}", st.errors.len()));
    }
    if st.aborting {
        info.push("cancelling".into());
    } else if st.entered {
        info.push("entered".into());
    }
    format!("<TaskGroup{}>", info.join(" "))
}

fn taskgroup_abort(vm: &mut Vm, s: &RefCell<TaskGroupState>) {
    s.borrow_mut().aborting = true;
    let tasks = s.borrow().tasks.clone();
    for t in tasks {
        if !t.borrow().done() {
            vm.cancel(&t, None);
        }
    }
}

pub(crate) fn taskgroup_task_done(vm: &mut Vm, tg: &Rc<AsyncObj>, task: &FutRef) {
    let Some(s) = tg_state(tg) else { return };
    let on_completed = {
        let mut st = s.borrow_mut();
        st.tasks.retain(|t| !Rc::ptr_eq(t, task));
        if st.tasks.is_empty() {
            st.on_completed.clone()
        } else {
            None
        }
    };
    if let Some(f) = on_completed {
        if !f.borrow().done() {
            let _ = vm.set_result(&f, Value::Bool(true));
        }
    }
    if task.borrow().cancelled() {
        return;
    }
    let Some(exc) = take_exception(task) else {
        return;
    };
    let parent = {
        let mut st = s.borrow_mut();
        st.errors.push(exc.clone());
        if is_base_error(&exc) && st.base_error.is_none() {
            st.base_error = Some(exc.clone());
        }
        st.parent.clone()
    };
    let Some(parent) = parent else { return };
    if parent.borrow().done() {
        let line = *exc.line.borrow();
        vm.warn(
            line,
            format!(
                "Task has errored out but its parent task is already completed: {}",
                exc.traceback_line()
            ),
        );
        return;
    }
    let (aborting, requested) = {
        let st = s.borrow();
        (st.aborting, st.parent_cancel_requested)
    };
    if !aborting && !requested {
        taskgroup_abort(vm, s);
        s.borrow_mut().parent_cancel_requested = true;
        vm.cancel(&parent, None);
    }
}

pub(crate) fn taskgroup_enter(vm: &mut Vm, tg: &Rc<AsyncObj>) -> Result<Value, ExcRef> {
    let Some(s) = tg_state(tg) else {
        return Ok(Value::None);
    };
    if s.borrow().entered {
        let r = tg_repr(&s.borrow());
        return Err(ExcObj::msg(
            ExcType::RuntimeError,
            format!("TaskGroup {r} has already been entered"),
        ));
    }
    let Some(parent) = vm.current.clone() else {
        let r = tg_repr(&s.borrow());
        return Err(ExcObj::msg(
            ExcType::RuntimeError,
            format!("TaskGroup {r} cannot determine the parent task"),
        ));
    };
    let mut st = s.borrow_mut();
    st.parent = Some(parent);
    st.entered = true;
    Ok(Value::Obj(tg.clone()))
}

fn uncancel(task: &FutRef) -> u32 {
    let mut t = task.borrow_mut();
    match t.task.as_mut() {
        Some(td) => {
            if td.num_cancels_requested > 0 {
                td.num_cancels_requested -= 1;
            }
            td.num_cancels_requested
        }
        None => 0,
    }
}

pub(crate) fn taskgroup_exit_resume(
    vm: &mut Vm,
    tg: &Rc<AsyncObj>,
    exc: &mut Option<ExcRef>,
    propagate: &mut Option<ExcRef>,
    started: &mut bool,
    input: Resume,
) -> NStep {
    let Some(s) = tg_state(tg) else {
        return NStep::Return(Value::None);
    };
    if !*started {
        *started = true;
        s.borrow_mut().exiting = true;
        if let Some(e) = exc.as_ref() {
            let mut st = s.borrow_mut();
            if is_base_error(e) && st.base_error.is_none() {
                st.base_error = Some(e.clone());
            }
        }
        *propagate = exc.clone().filter(|e| e.typ == ExcType::CancelledError);
        let (requested, parent) = {
            let st = s.borrow();
            (st.parent_cancel_requested, st.parent.clone())
        };
        if requested {
            if let Some(p) = parent {
                if uncancel(&p) == 0 {
                    *propagate = None;
                }
            }
        }
        if exc.is_some() && !s.borrow().aborting {
            taskgroup_abort(vm, s);
        }
    } else {
        if let Resume::Throw(e) = input {
            if e.is(ExcType::CancelledError) {
                if !s.borrow().aborting {
                    *propagate = Some(e);
                    taskgroup_abort(vm, s);
                }
            } else {
                return NStep::Raise(e);
            }
        }
        s.borrow_mut().on_completed = None;
    }
    if !s.borrow().tasks.is_empty() {
        let n = s.borrow().tasks.len() as u32;
        let f = Future::new(WaitOn::TaskGroup { tasks: n });
        vm.remember_links(&f);
        s.borrow_mut().on_completed = Some(f.clone());
        return NStep::Await(Value::Future(f));
    }
    let mut st = s.borrow_mut();
    if let Some(b) = st.base_error.clone() {
        return NStep::Raise(b);
    }
    if let Some(p) = propagate.take() {
        if st.errors.is_empty() {
            return NStep::Raise(p);
        }
    }
    if let Some(e) = exc.take() {
        if e.typ != ExcType::CancelledError {
            st.errors.push(e);
        }
    }
    if !st.errors.is_empty() {
        let errors: Vec<Value> = std::mem::take(&mut st.errors)
            .into_iter()
            .map(Value::Exc)
            .collect();
        let all_exc = errors
            .iter()
            .all(|e| matches!(e, Value::Exc(x) if x.is(ExcType::Exception)));
        let typ = if all_exc {
            ExcType::ExceptionGroup
        } else {
            ExcType::BaseExceptionGroup
        };
        return NStep::Raise(ExcObj::group(
            typ,
            "unhandled errors in a TaskGroup",
            errors,
        ));
    }
    NStep::Return(Value::None)
}

fn tm_state(tm: &AsyncObj) -> Option<&RefCell<crate::asyncio::objects::TimeoutState>> {
    match tm {
        AsyncObj::Timeout(s) => Some(s),
        _ => None,
    }
}

/// `Timeout.reschedule(when)`.
pub(crate) fn timeout_reschedule(
    vm: &mut Vm,
    tm: &Rc<AsyncObj>,
    when: Option<f64>,
) -> Result<(), ExcRef> {
    let Some(s) = tm_state(tm) else { return Ok(()) };
    let phase = s.borrow().phase;
    if phase != TimeoutPhase::Entered {
        let m = if phase == TimeoutPhase::Created {
            "Timeout has not been entered".to_string()
        } else {
            format!(
                "Cannot change state of {} Timeout",
                timeout_phase_name(phase)
            )
        };
        return Err(ExcObj::msg(ExcType::RuntimeError, m));
    }
    let old = {
        let mut st = s.borrow_mut();
        st.when = when;
        st.handle.take()
    };
    if let Some(h) = old {
        vm.cancel_timer(&h);
    }
    let Some(when) = when else { return Ok(()) };
    let flag = if when <= vm.lp.now {
        let flag = vm
            .lp
            .cancelled
            .new_flag(crate::asyncio::event_loop::NO_RECORD);
        vm.lp.ready.push(crate::asyncio::event_loop::Handle {
            cb: Callback::TimeoutFire { tm: tm.clone() },
            arg: None,
            cancelled: Some(flag),
        });
        flag
    } else {
        vm.call_at(when, Callback::TimeoutFire { tm: tm.clone() })
    };
    s.borrow_mut().handle = Some(flag);
    Ok(())
}

pub(crate) fn timeout_phase_name(p: TimeoutPhase) -> &'static str {
    match p {
        TimeoutPhase::Created => "created",
        TimeoutPhase::Entered => "active",
        TimeoutPhase::Expiring => "expiring",
        TimeoutPhase::Expired => "expired",
        TimeoutPhase::Exited => "finished",
    }
}

pub(crate) fn timeout_enter(vm: &mut Vm, tm: &Rc<AsyncObj>) -> Result<Value, ExcRef> {
    let Some(s) = tm_state(tm) else {
        return Ok(Value::None);
    };
    if s.borrow().phase != TimeoutPhase::Created {
        return Err(ExcObj::msg(
            ExcType::RuntimeError,
            "Timeout has already been entered",
        ));
    }
    let Some(task) = vm.current.clone() else {
        return Err(ExcObj::msg(
            ExcType::RuntimeError,
            "Timeout should be used inside a task",
        ));
    };
    let cancelling = task
        .borrow()
        .task
        .as_ref()
        .map_or(0, |t| t.num_cancels_requested);
    let when = {
        let mut st = s.borrow_mut();
        st.phase = TimeoutPhase::Entered;
        st.task = Some(task);
        st.cancelling = cancelling;
        st.when
    };
    timeout_reschedule(vm, tm, when)?;
    Ok(Value::Obj(tm.clone()))
}

pub(crate) fn timeout_exit(
    vm: &mut Vm,
    tm: &Rc<AsyncObj>,
    exc: Option<ExcRef>,
) -> Result<Value, ExcRef> {
    let Some(s) = tm_state(tm) else {
        return Ok(Value::None);
    };
    let mut st = s.borrow_mut();
    if let Some(h) = st.handle.take() {
        vm.cancel_timer(&h);
    }
    match st.phase {
        TimeoutPhase::Expiring => {
            st.phase = TimeoutPhase::Expired;
            let task = st.task.clone();
            let cancelling = st.cancelling;
            drop(st);
            let n = task.as_ref().map_or(0, uncancel);
            if let Some(e) = exc {
                if n <= cancelling && e.typ == ExcType::CancelledError {
                    let t = ExcObj::bare(ExcType::TimeoutError);
                    *t.cause.borrow_mut() = Some(e);
                    return Err(t);
                }
            }
        }
        TimeoutPhase::Entered => st.phase = TimeoutPhase::Exited,
        _ => {}
    }
    Ok(Value::None)
}

pub(crate) fn timeout_fire(vm: &mut Vm, tm: &Rc<AsyncObj>) {
    let Some(s) = tm_state(tm) else { return };
    let task = s.borrow().task.clone();
    if let Some(t) = task {
        vm.cancel(&t, None);
    }
    let mut st = s.borrow_mut();
    st.phase = TimeoutPhase::Expiring;
    st.handle = None;
}
