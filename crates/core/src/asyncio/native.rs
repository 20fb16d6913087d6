//! asyncio's own coroutines (sleep, Lock.acquire, Queue.get, wait_for, …) as
//! explicit state machines that follow CPython's code path await by await.

use std::cell::RefCell;
use std::rc::Rc;

use crate::asyncio::combinators::{self, AsCompletedState, WaitState};
use crate::asyncio::event_loop::Callback;
use crate::asyncio::objects::{AsyncObj, FutRef, Future, KeptWait, QueueState, QueueWaiter};
use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::machine::Settle;
use crate::trace::{WaitOn, NO_TASK};
use crate::value::{Coro, CoroState, Value};
use crate::vm::{Frame, Resume, Vm};

/// What a native coroutine asks of the VM after a resume.
pub(crate) enum NStep {
    Return(Value),
    Raise(ExcRef),
    /// `await v`: a future (suspends unless done) or a coroutine (runs inline).
    Await(Value),
    /// A bare `yield` (`sleep(0)`): back of the ready queue.
    YieldBare,
    /// `asyncio.sleep`'s `await future` (see `Wait::Sleep`), until this time.
    Sleep(f64),
    /// `Queue.get`'s `await getter`, `Queue.put`'s `await putter` or
    /// `Lock.acquire`'s `await fut` (`kind`) with the future kept in the
    /// task (see `Wait::Queue`).
    QueueWait {
        kind: KeptWait,
        serial: u64,
    },
}

/// One of asyncio's coroutines, in its frame's box. Its kind is a byte of
/// its own (`repr(u8)`), not hidden in a field's spare values: each resume
/// and each drop reads it (a queue's get or put: twice per item each).
#[repr(u8)]
pub(crate) enum NativeCoro {
    /// Completes at its first step with this outcome.
    Ready(Option<Result<Value, ExcRef>>),
    /// `asyncio.sleep(delay, result)`. Its timer and future are the task's
    /// (`Waiter::Sleep`), which also cancels the timer when it resumes.
    Sleep {
        delay: f64,
        result: Value,
    },
    LockAcquire {
        lock: Rc<AsyncObj>,
        fut: Option<QueueWaiter>,
        ret: Value,
    },
    SemAcquire {
        sem: Rc<AsyncObj>,
        fut: Option<QueueWaiter>,
        ret: Value,
    },
    EventWait {
        ev: Rc<AsyncObj>,
        fut: Option<FutRef>,
    },
    CondWait {
        cond: Rc<AsyncObj>,
        phase: CondPhase,
        outcome: Option<Result<Value, ExcRef>>,
        cancelled: bool,
    },
    CondWaitFor {
        cond: Rc<AsyncObj>,
        predicate: Value,
        started: bool,
    },
    QueueGet {
        q: Rc<AsyncObj>,
        getter: Option<QueueWaiter>,
    },
    QueuePut {
        q: Rc<AsyncObj>,
        item: Value,
        putter: Option<QueueWaiter>,
    },
    QueueJoin {
        q: Rc<AsyncObj>,
        started: bool,
    },
    WaitFor {
        arg: Option<Value>,
        timeout: Option<f64>,
        st: WaitForState,
    },
    CancelAndWait {
        fut: FutRef,
        waiter: Option<FutRef>,
        cb: u64,
    },
    Wait {
        fs: Vec<Value>,
        timeout: Option<f64>,
        return_when: Rc<str>,
        state: Option<Rc<WaitState>>,
    },
    WaitForOne {
        state: Rc<AsCompletedState>,
        started: bool,
    },
    TaskGroupExit {
        tg: Rc<AsyncObj>,
        exc: Option<ExcRef>,
        propagate: Option<ExcRef>,
        started: bool,
    },
    /// `asyncio.to_thread(func, *args)`: `await loop.run_in_executor(None, func, *args)`.
    ToThread {
        func: Value,
        args: Vec<Value>,
        started: bool,
    },
}

pub(crate) enum CondPhase {
    Start,
    Notified(FutRef),
    Reacquiring,
}

pub(crate) enum WaitForState {
    Start,
    Passthrough,
    ZeroCancel(FutRef),
    Waiting {
        fut: FutRef,
        handle: crate::asyncio::event_loop::TimerRef,
        cb: u64,
    },
    CancelThenRaise {
        handle: crate::asyncio::event_loop::TimerRef,
        exc: ExcRef,
    },
    CancelThenTimeout {
        fut: FutRef,
        handle: crate::asyncio::event_loop::TimerRef,
    },
}

/// asyncio's `_cancel_and_wait(fut)`: cancel `fut` and wait until it is done.
fn cancel_and_wait(vm: &mut Vm, fut: FutRef) -> Value {
    coro_value(
        vm,
        "_cancel_and_wait",
        NativeCoro::CancelAndWait {
            fut,
            waiter: None,
            cb: 0,
        },
    )
}

/// Wrap a native coroutine as a coroutine object (`asyncio.sleep(1)`
/// evaluates to one); `qualname` is CPython's (`Queue.get`), its last part
/// the coroutine's `__name__`.
pub(crate) fn coro_value(vm: &mut Vm, qualname: &'static str, n: NativeCoro) -> Value {
    let line = vm.line_of(vm.line_offset);
    let short = qualname.rsplit('.').next().unwrap_or(qualname);
    let name = vm.native_name(short);
    let qualname = if short.len() == qualname.len() {
        name.clone()
    } else {
        vm.native_name(qualname)
    };
    let c = Rc::new(RefCell::new(Coro {
        state: CoroState::Created(Frame::Native(Box::new(n))),
        name,
        qualname,
        created_line: line,
    }));
    Value::Coro(c)
}

/// A new waiter for a queue's getters or putters or a lock's waiters
/// (`kind`), kept in `slot` to be taken out of them again if the wait ends
/// another way (a cancellation), and the step that awaits it. In a task's
/// own step, the future is the task's (`Waiter::Queue`): the waiters hold
/// the task's number and the wait's serial (`QueueWaiter::Task`), and
/// nothing is allocated; elsewhere (a nested run, a worker's Python) a new
/// future. Inlined: pingpong waits in a queue at every item (a call cost it 1%).
#[inline(always)]
fn new_waiter(vm: &mut Vm, kind: KeptWait, slot: &mut Option<QueueWaiter>) -> (QueueWaiter, NStep) {
    let task = if vm.nested_depth == 0 && vm.worker.is_none() {
        vm.current_task_id()
    } else {
        NO_TASK
    };
    let (w, step) = if task != NO_TASK {
        let serial = vm.callback_id();
        let step = NStep::QueueWait { kind, serial };
        (QueueWaiter::Task { task, serial }, step)
    } else {
        let f = vm.new_future(kind.wait_on());
        let step = NStep::Await(Value::Future(f.clone()));
        (QueueWaiter::Future(f), step)
    };
    *slot = Some(w.clone());
    (w, step)
}

/// Wait in the queue's getters (`put` false) or putters (`put` true) on a
/// new waiter (`new_waiter`).
#[inline(always)]
fn queue_wait_in(
    vm: &mut Vm,
    qs: &RefCell<QueueState>,
    put: bool,
    slot: &mut Option<QueueWaiter>,
) -> NStep {
    let kind = if put {
        KeptWait::QueuePut
    } else {
        KeptWait::QueueGet
    };
    let (w, step) = new_waiter(vm, kind, slot);
    qs.borrow_mut().waiters(put).push_back(w);
    step
}

/// Wait in `waiters` on a new future, kept in `slot` to be taken out of
/// the list again if the wait ends another way (a cancellation).
#[inline(always)]
fn wait_in(
    vm: &mut Vm,
    waiters: &mut std::collections::VecDeque<FutRef>,
    on: WaitOn,
    slot: &mut Option<FutRef>,
) -> NStep {
    let f = vm.new_future(on);
    waiters.push_back(f.clone());
    *slot = Some(f.clone());
    NStep::Await(Value::Future(f))
}

/// Take out of `q` the first waiter that `is` picks (the one woken first
/// is usually at the front): `waiters.remove(w)`. One copy for each kind of
/// waiter, not one inlined at each caller (0.3 KB of the page's download).
#[inline(never)]
fn remove_where<T>(q: &mut std::collections::VecDeque<T>, is: &dyn Fn(&T) -> bool) {
    if q.front().is_some_and(is) {
        q.pop_front();
        return;
    }
    if let Some(i) = q.iter().position(is) {
        q.remove(i);
    }
}

fn is_cancel(e: &ExcRef) -> bool {
    e.is(ExcType::CancelledError)
}

/// `Lock._wake_up_first`.
pub(crate) fn lock_wake_first(vm: &mut Vm, lock: &AsyncObj) {
    let AsyncObj::Lock(l) = lock else { return };
    let first = l.borrow().waiters.front().cloned();
    match first {
        Some(QueueWaiter::Future(f)) if !f.borrow().done() => {
            let _ = vm.set_result(&f, Value::Bool(true));
        }
        Some(QueueWaiter::Task { task, serial }) => {
            vm.wake_queue_waiter(task, serial);
        }
        _ => {}
    }
}

/// `Lock.release`.
pub(crate) fn lock_release(vm: &mut Vm, lock: &AsyncObj) -> Result<(), ExcRef> {
    let AsyncObj::Lock(l) = lock else {
        return Ok(());
    };
    if l.borrow().locked {
        l.borrow_mut().locked = false;
        lock_wake_first(vm, lock);
        Ok(())
    } else {
        Err(ExcObj::msg(ExcType::RuntimeError, "Lock is not acquired."))
    }
}

/// `Semaphore._wake_up_next`.
pub(crate) fn sem_wake_next(vm: &mut Vm, sem: &AsyncObj) {
    let AsyncObj::Semaphore(s) = sem else { return };
    let next = s
        .borrow()
        .waiters
        .iter()
        .find(|w| !vm.waiter_done(w))
        .cloned();
    match next {
        Some(QueueWaiter::Future(f)) => {
            s.borrow_mut().value -= 1;
            let _ = vm.set_result(&f, Value::Bool(true));
        }
        Some(QueueWaiter::Task { task, serial }) => {
            s.borrow_mut().value -= 1;
            vm.wake_queue_waiter(task, serial);
        }
        None => {}
    }
}

pub(crate) fn sem_locked(vm: &Vm, sem: &AsyncObj) -> bool {
    let AsyncObj::Semaphore(s) = sem else {
        return false;
    };
    let s = s.borrow();
    s.value == 0 || s.waiters.iter().any(|w| !vm.waiter_cancelled(w))
}

/// `w.cancelled()` for the waiter of a coroutine just woken from it: a
/// waiter kept in the task left it when the task woke up, which kept
/// whether it was cancelled (`Vm::queue_wait_cancelled`).
fn woken_cancelled(vm: &Vm, w: &QueueWaiter) -> bool {
    match w {
        QueueWaiter::Future(f) => f.borrow().cancelled(),
        QueueWaiter::Task { .. } => vm.queue_wait_cancelled,
    }
}

pub(crate) fn sem_release(vm: &mut Vm, sem: &AsyncObj) -> Result<(), ExcRef> {
    let AsyncObj::Semaphore(s) = sem else {
        return Ok(());
    };
    {
        let mut s = s.borrow_mut();
        if let Some(bound) = s.bound {
            if s.value >= bound {
                return Err(ExcObj::msg(
                    ExcType::ValueError,
                    "BoundedSemaphore released too many times",
                ));
            }
        }
        s.value += 1;
    }
    sem_wake_next(vm, sem);
    Ok(())
}

/// `Queue._wakeup_next(waiters)`.
pub(crate) fn queue_wakeup_next(vm: &mut Vm, q: &AsyncObj, putters: bool) {
    let AsyncObj::Queue(qs) = q else { return };
    loop {
        let w = qs.borrow_mut().waiters(putters).pop_front();
        match w {
            None => return,
            Some(QueueWaiter::Future(w)) => {
                if !w.borrow().done() {
                    let _ = vm.set_result(&w, Value::None);
                    return;
                }
            }
            Some(QueueWaiter::Task { task, serial }) => {
                if vm.wake_queue_waiter(task, serial) {
                    return;
                }
            }
        }
    }
}

pub(crate) fn event_set(vm: &mut Vm, ev: &AsyncObj) {
    let AsyncObj::Event(e) = ev else { return };
    if e.borrow().value {
        return;
    }
    e.borrow_mut().value = true;
    let waiters: Vec<FutRef> = e.borrow().waiters.iter().cloned().collect();
    for f in waiters {
        if !f.borrow().done() {
            let _ = vm.set_result(&f, Value::Bool(true));
        }
    }
}

pub(crate) fn queue_put_nowait(vm: &mut Vm, q: &AsyncObj, item: Value) -> Result<(), ExcRef> {
    let AsyncObj::Queue(qs) = q else {
        return Ok(());
    };
    {
        let mut s = qs.borrow_mut();
        if s.full() {
            return Err(ExcObj::bare(ExcType::QueueFull));
        }
        s.items.push_back(item);
        s.unfinished += 1;
        if let AsyncObj::Event(e) = &*s.finished {
            e.borrow_mut().value = false;
        }
    }
    queue_wakeup_next(vm, q, false);
    Ok(())
}

pub(crate) fn queue_get_nowait(vm: &mut Vm, q: &AsyncObj) -> Result<Value, ExcRef> {
    let AsyncObj::Queue(qs) = q else {
        return Ok(Value::None);
    };
    let item = qs.borrow_mut().items.pop_front();
    match item {
        Some(v) => {
            queue_wakeup_next(vm, q, true);
            Ok(v)
        }
        None => Err(ExcObj::bare(ExcType::QueueEmpty)),
    }
}

fn value_of(r: Result<Value, ExcRef>) -> NStep {
    match r {
        Ok(v) => NStep::Return(v),
        Err(e) => NStep::Raise(e),
    }
}

impl NativeCoro {
    /// Go on with the coroutine. `sleep` is most of what tasks await (twice
    /// each: to start, to wake up), so its few lines are inlined into the
    /// frame loop; the rest is `resume_other`.
    #[inline]
    pub(crate) fn resume(&mut self, vm: &mut Vm, input: Resume) -> NStep {
        match self {
            NativeCoro::Sleep { delay, result } => match input {
                Resume::Start if *delay <= 0.0 => NStep::YieldBare,
                Resume::Start => NStep::Sleep(vm.lp.now + *delay),
                Resume::Throw(e) => NStep::Raise(e),
                // Woken: the future's result is `result`.
                Resume::Value(_) => NStep::Return(std::mem::take(result)),
            },
            // A queue's ping-pong resumes these two most: called directly,
            // not through the big match of `resume_other`.
            NativeCoro::QueueGet { q, getter } => queue_get_step(vm, q, getter, input),
            NativeCoro::QueuePut { q, item, putter } => queue_put_step(vm, q, item, putter, input),
            // And a contended lock this one (`async with lock:`).
            NativeCoro::LockAcquire { lock, fut, ret } => {
                lock_acquire_step(vm, lock, fut, ret, input)
            }
            _ => self.resume_other(vm, input),
        }
    }

    #[inline(never)]
    fn resume_other(&mut self, vm: &mut Vm, input: Resume) -> NStep {
        match self {
            NativeCoro::Ready(r) => match input {
                Resume::Throw(e) => NStep::Raise(e),
                _ => value_of(r.take().unwrap_or(Ok(Value::None))),
            },
            // (Handled by `resume`.)
            NativeCoro::Sleep { .. } => NStep::Return(Value::None),
            NativeCoro::LockAcquire { lock, fut, ret } => {
                lock_acquire_step(vm, lock, fut, ret, input)
            }
            NativeCoro::SemAcquire { sem, fut, ret } => {
                let AsyncObj::Semaphore(s) = &**sem else {
                    return NStep::Return(Value::None);
                };
                match input {
                    Resume::Start => {
                        if !sem_locked(vm, sem) {
                            s.borrow_mut().value -= 1;
                            return NStep::Return(std::mem::take(ret));
                        }
                        let (w, step) = new_waiter(vm, KeptWait::Semaphore, fut);
                        s.borrow_mut().waiters.push_back(w);
                        step
                    }
                    other => {
                        let w = fut.take();
                        if let Some(w) = &w {
                            remove_where(&mut s.borrow_mut().waiters, &|x| x.same(w));
                        }
                        match other {
                            Resume::Throw(e) => {
                                if is_cancel(&e)
                                    && w.as_ref().is_some_and(|w| !woken_cancelled(vm, w))
                                {
                                    s.borrow_mut().value += 1;
                                    sem_wake_next(vm, sem);
                                }
                                NStep::Raise(e)
                            }
                            _ => {
                                if s.borrow().value > 0 {
                                    sem_wake_next(vm, sem);
                                }
                                NStep::Return(std::mem::take(ret))
                            }
                        }
                    }
                }
            }
            NativeCoro::EventWait { ev, fut } => {
                let AsyncObj::Event(e) = &**ev else {
                    return NStep::Return(Value::None);
                };
                match input {
                    Resume::Start => {
                        if e.borrow().value {
                            return NStep::Return(Value::Bool(true));
                        }
                        wait_in(vm, &mut e.borrow_mut().waiters, WaitOn::Event, fut)
                    }
                    other => {
                        if let Some(f) = fut.take() {
                            remove_where(&mut e.borrow_mut().waiters, &|x| Rc::ptr_eq(x, &f));
                        }
                        match other {
                            Resume::Throw(e) => NStep::Raise(e),
                            _ => NStep::Return(Value::Bool(true)),
                        }
                    }
                }
            }
            NativeCoro::CondWait {
                cond,
                phase,
                outcome,
                cancelled,
            } => {
                let AsyncObj::Condition { lock, waiters } = &**cond else {
                    return NStep::Return(Value::None);
                };
                match std::mem::replace(phase, CondPhase::Reacquiring) {
                    CondPhase::Start => {
                        let locked = matches!(&**lock, AsyncObj::Lock(l) if l.borrow().locked);
                        if !locked {
                            return NStep::Raise(ExcObj::msg(
                                ExcType::RuntimeError,
                                "cannot wait on un-acquired lock",
                            ));
                        }
                        if let Err(e) = lock_release(vm, lock) {
                            return NStep::Raise(e);
                        }
                        let f = vm.new_future(WaitOn::Condition);
                        waiters.borrow_mut().push_back(f.clone());
                        *phase = CondPhase::Notified(f.clone());
                        NStep::Await(Value::Future(f))
                    }
                    CondPhase::Notified(f) => {
                        remove_where(&mut waiters.borrow_mut(), &|x| Rc::ptr_eq(x, &f));
                        *outcome = Some(match input {
                            Resume::Throw(e) => Err(e),
                            _ => Ok(Value::Bool(true)),
                        });
                        NStep::Await(acquire_coro(vm, lock.clone()))
                    }
                    CondPhase::Reacquiring => match input {
                        Resume::Throw(e) if is_cancel(&e) => {
                            *cancelled = true;
                            NStep::Await(acquire_coro(vm, lock.clone()))
                        }
                        Resume::Throw(e) => NStep::Raise(e),
                        _ => {
                            if *cancelled {
                                return NStep::Raise(ExcObj::bare(ExcType::CancelledError));
                            }
                            value_of(outcome.take().unwrap_or(Ok(Value::Bool(true))))
                        }
                    },
                }
            }
            NativeCoro::CondWaitFor {
                cond,
                predicate,
                started,
            } => {
                if let Resume::Throw(e) = input {
                    return NStep::Raise(e);
                }
                let _ = std::mem::replace(started, true);
                match vm.call_sync(predicate, Vec::new()) {
                    Ok(r) if r.truthy() => NStep::Return(r),
                    Ok(_) => {
                        let c = cond.clone();
                        let w = coro_value(
                            vm,
                            "Condition.wait",
                            NativeCoro::CondWait {
                                cond: c,
                                phase: CondPhase::Start,
                                outcome: None,
                                cancelled: false,
                            },
                        );
                        NStep::Await(w)
                    }
                    Err(e) => NStep::Raise(e),
                }
            }
            // (Handled by `resume`.)
            NativeCoro::QueueGet { q, getter } => queue_get_step(vm, q, getter, input),
            NativeCoro::QueuePut { q, item, putter } => queue_put_step(vm, q, item, putter, input),
            NativeCoro::QueueJoin { q, started } => {
                let AsyncObj::Queue(qs) = &**q else {
                    return NStep::Return(Value::None);
                };
                match input {
                    Resume::Throw(e) => NStep::Raise(e),
                    _ if *started => NStep::Return(Value::None),
                    _ => {
                        *started = true;
                        let (unfinished, finished) = {
                            let s = qs.borrow();
                            (s.unfinished, s.finished.clone())
                        };
                        if unfinished > 0 {
                            let w = coro_value(
                                vm,
                                "Event.wait",
                                NativeCoro::EventWait {
                                    ev: finished,
                                    fut: None,
                                },
                            );
                            // The join's own label: waiting on the queue's "finished" event.
                            NStep::Await(w)
                        } else {
                            NStep::Return(Value::None)
                        }
                    }
                }
            }
            NativeCoro::WaitFor { arg, timeout, st } => {
                wait_for_resume(vm, arg, *timeout, st, input)
            }
            NativeCoro::CancelAndWait { fut, waiter, cb } => match input {
                Resume::Start => {
                    let w = Future::new(WaitOn::Cancellation);
                    *cb = vm.add_done_callback(fut, Callback::ReleaseWaiter { waiter: w.clone() });
                    vm.cancel(fut, None);
                    *waiter = Some(w.clone());
                    NStep::Await(Value::Future(w))
                }
                other => {
                    vm.remove_done_callback(fut, *cb);
                    match other {
                        Resume::Throw(e) => NStep::Raise(e),
                        _ => NStep::Return(Value::None),
                    }
                }
            },
            NativeCoro::Wait {
                fs,
                timeout,
                return_when,
                state,
            } => match input {
                Resume::Start => match combinators::wait_start(vm, fs, *timeout, return_when) {
                    Ok((s, waiter)) => {
                        *state = Some(s);
                        NStep::Await(Value::Future(waiter))
                    }
                    Err(e) => NStep::Raise(e),
                },
                other => {
                    let Some(s) = state.take() else {
                        return NStep::Return(Value::None);
                    };
                    let r = combinators::wait_finish(vm, &s);
                    match other {
                        Resume::Throw(e) => NStep::Raise(e),
                        _ => NStep::Return(r),
                    }
                }
            },
            NativeCoro::WaitForOne { state, started } => match input {
                Resume::Throw(e) => NStep::Raise(e),
                Resume::Start | Resume::Value(_) if !*started => {
                    *started = true;
                    let q = state.done.clone();
                    NStep::Await(coro_value(
                        vm,
                        "Queue.get",
                        NativeCoro::QueueGet { q, getter: None },
                    ))
                }
                Resume::Value(Value::Future(f)) => value_of(vm.future_result(&f)),
                _ => NStep::Raise(ExcObj::bare(ExcType::TimeoutError)),
            },
            NativeCoro::ToThread {
                func,
                args,
                started,
            } => match input {
                Resume::Throw(e) => NStep::Raise(e),
                Resume::Value(v) if *started => NStep::Return(v),
                _ => {
                    *started = true;
                    if !vm.lp.running {
                        return NStep::Raise(ExcObj::msg(
                            ExcType::RuntimeError,
                            "no running event loop",
                        ));
                    }
                    // It awaits the future at once: the threads can settle
                    // after the step, where a worker's Python can pause.
                    let (func, args) = (func.clone(), std::mem::take(args));
                    match vm.run_in_executor(None, func, args, Settle::AfterStep) {
                        Ok(f) => NStep::Await(Value::Future(f)),
                        Err(e) => NStep::Raise(e),
                    }
                }
            },
            NativeCoro::TaskGroupExit {
                tg,
                exc,
                propagate,
                started,
            } => combinators::taskgroup_exit_resume(vm, tg, exc, propagate, started, input),
        }
    }
}

/// `Lock.acquire()`'s coroutine, started or woken (`input`).
#[inline(never)]
fn lock_acquire_step(
    vm: &mut Vm,
    lock: &Rc<AsyncObj>,
    fut: &mut Option<QueueWaiter>,
    ret: &mut Value,
    input: Resume,
) -> NStep {
    let AsyncObj::Lock(l) = &**lock else {
        return NStep::Return(Value::None);
    };
    match input {
        Resume::Start => {
            let free = {
                let l = l.borrow();
                !l.locked && l.waiters.iter().all(|w| vm.waiter_cancelled(w))
            };
            if free {
                l.borrow_mut().locked = true;
                return NStep::Return(std::mem::take(ret));
            }
            let (w, step) = new_waiter(vm, KeptWait::Lock, fut);
            l.borrow_mut().waiters.push_back(w);
            step
        }
        other => {
            if let Some(w) = fut.take() {
                remove_where(&mut l.borrow_mut().waiters, &|x| x.same(&w));
            }
            match other {
                Resume::Throw(e) => {
                    if is_cancel(&e) && !l.borrow().locked {
                        lock_wake_first(vm, lock);
                    }
                    NStep::Raise(e)
                }
                _ => {
                    l.borrow_mut().locked = true;
                    NStep::Return(std::mem::take(ret))
                }
            }
        }
    }
}

/// A queue's getter (`put` false) or putter (`put` true) that was waiting
/// when an exception was thrown into it (a cancellation): its future leaves
/// the queue's waiters, and if the queue could serve the next one (the
/// getter of an item that is there, the putter of a free slot), that one is
/// woken instead, as in CPython's `Queue.get` and `Queue.put`.
fn queue_wait_thrown(
    vm: &mut Vm,
    q: &Rc<AsyncObj>,
    qs: &RefCell<QueueState>,
    waiter: &mut Option<QueueWaiter>,
    put: bool,
) {
    let Some(w) = waiter.take() else {
        return;
    };
    // `getter.cancel()`: a waiter kept in the task is done by now (the
    // task was woken from it, or it was done when the task was cancelled).
    if let QueueWaiter::Future(f) = &w {
        vm.future_cancel(f, None);
    }
    let can_serve = {
        let mut s = qs.borrow_mut();
        remove_where(s.waiters(put), &|x| x.same(&w));
        if put {
            !s.full()
        } else {
            !s.items.is_empty()
        }
    };
    if can_serve && !woken_cancelled(vm, &w) {
        queue_wakeup_next(vm, q, put);
    }
}

/// `Queue.get()`'s coroutine, started or woken (`input`).
#[inline(never)]
fn queue_get_step(
    vm: &mut Vm,
    q: &Rc<AsyncObj>,
    getter: &mut Option<QueueWaiter>,
    input: Resume,
) -> NStep {
    let AsyncObj::Queue(qs) = &**q else {
        return NStep::Return(Value::None);
    };
    if let Resume::Throw(e) = input {
        queue_wait_thrown(vm, q, qs, getter, false);
        return NStep::Raise(e);
    }
    *getter = None;
    if qs.borrow().items.is_empty() {
        return queue_wait_in(vm, qs, false, getter);
    }
    value_of(queue_get_nowait(vm, q))
}

/// `Queue.put(item)`'s coroutine, started or woken (`input`).
#[inline(never)]
fn queue_put_step(
    vm: &mut Vm,
    q: &Rc<AsyncObj>,
    item: &mut Value,
    putter: &mut Option<QueueWaiter>,
    input: Resume,
) -> NStep {
    let AsyncObj::Queue(qs) = &**q else {
        return NStep::Return(Value::None);
    };
    if let Resume::Throw(e) = input {
        queue_wait_thrown(vm, q, qs, putter, true);
        return NStep::Raise(e);
    }
    *putter = None;
    if qs.borrow().full() {
        return queue_wait_in(vm, qs, true, putter);
    }
    value_of(queue_put_nowait(vm, q, std::mem::take(item)).map(|_| Value::None))
}

pub(crate) fn acquire_coro(vm: &mut Vm, lock: Rc<AsyncObj>) -> Value {
    coro_value(
        vm,
        "Lock.acquire",
        NativeCoro::LockAcquire {
            lock,
            fut: None,
            ret: Value::Bool(true),
        },
    )
}

fn wait_for_resume(
    vm: &mut Vm,
    arg: &mut Option<Value>,
    timeout: Option<f64>,
    st: &mut WaitForState,
    input: Resume,
) -> NStep {
    match std::mem::replace(st, WaitForState::Passthrough) {
        WaitForState::Start => {
            let Some(a) = arg.take() else {
                return NStep::Return(Value::None);
            };
            let Some(timeout) = timeout else {
                *st = WaitForState::Passthrough;
                return NStep::Await(a);
            };
            if timeout <= 0.0 {
                let fut = match vm.ensure_future(a) {
                    Ok(f) => f,
                    Err(e) => return NStep::Raise(e),
                };
                if fut.borrow().done() {
                    return value_of(vm.future_result(&fut));
                }
                *st = WaitForState::ZeroCancel(fut.clone());
                return NStep::Await(cancel_and_wait(vm, fut));
            }
            let until = vm.lp.now + timeout;
            let waiter = Future::new(WaitOn::WaitFor { until });
            vm.remember_links(&waiter);
            let handle = vm.call_at(
                until,
                Callback::ReleaseWaiter {
                    waiter: waiter.clone(),
                },
            );
            let fut = match vm.ensure_future(a) {
                Ok(f) => f,
                Err(e) => {
                    vm.cancel_timer(&handle);
                    return NStep::Raise(e);
                }
            };
            vm.remember_links(&fut);
            if let Some(t) = fut.borrow().task_id() {
                waiter.borrow_mut().waits_on = WaitOn::Task { task: t };
            }
            let cb = vm.add_done_callback(
                &fut,
                Callback::ReleaseWaiter {
                    waiter: waiter.clone(),
                },
            );
            *st = WaitForState::Waiting { fut, handle, cb };
            NStep::Await(Value::Future(waiter))
        }
        WaitForState::Passthrough => match input {
            Resume::Throw(e) => NStep::Raise(e),
            Resume::Value(v) => NStep::Return(v),
            Resume::Start => NStep::Return(Value::None),
        },
        WaitForState::ZeroCancel(fut) => match input {
            Resume::Throw(e) => NStep::Raise(e),
            _ => match vm.future_result(&fut) {
                Err(e) if is_cancel(&e) => NStep::Raise(timeout_from(e)),
                r => value_of(r),
            },
        },
        WaitForState::Waiting { fut, handle, cb } => match input {
            Resume::Throw(e) if is_cancel(&e) => {
                if fut.borrow().done() {
                    vm.cancel_timer(&handle);
                    return value_of(vm.future_result(&fut));
                }
                vm.remove_done_callback(&fut, cb);
                *st = WaitForState::CancelThenRaise { handle, exc: e };
                NStep::Await(cancel_and_wait(vm, fut))
            }
            Resume::Throw(e) => {
                vm.cancel_timer(&handle);
                NStep::Raise(e)
            }
            _ => {
                if fut.borrow().done() {
                    vm.cancel_timer(&handle);
                    return value_of(vm.future_result(&fut));
                }
                vm.remove_done_callback(&fut, cb);
                *st = WaitForState::CancelThenTimeout {
                    fut: fut.clone(),
                    handle,
                };
                NStep::Await(cancel_and_wait(vm, fut))
            }
        },
        WaitForState::CancelThenRaise { handle, exc } => {
            vm.cancel_timer(&handle);
            match input {
                Resume::Throw(e) => NStep::Raise(e),
                _ => NStep::Raise(exc),
            }
        }
        WaitForState::CancelThenTimeout { fut, handle } => {
            vm.cancel_timer(&handle);
            match input {
                Resume::Throw(e) => NStep::Raise(e),
                _ => match vm.future_result(&fut) {
                    Err(e) if is_cancel(&e) => NStep::Raise(timeout_from(e)),
                    r => value_of(r),
                },
            }
        }
    }
}

fn timeout_from(cause: ExcRef) -> ExcRef {
    let t = ExcObj::bare(ExcType::TimeoutError);
    *t.cause.borrow_mut() = Some(cause);
    t
}
