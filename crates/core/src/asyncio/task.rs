//! Task and Future mechanics (`__step`, `__wakeup`, callbacks) and the loop driver (`_run_once`, `asyncio.run`).

use std::cell::RefMut;
use std::rc::Rc;
use std::sync::Arc;

use crate::asyncio::combinators;
use crate::asyncio::event_loop::{
    Callback, Handle, PausedStep, Ready, Timer, TimerRef, TimerWhat, UserCallback, CLOCK_RESOLUTION,
};
use crate::asyncio::objects::{
    DoneCallback, FutRef, FutState, Future, OwnName, QueueWaitState, QueueWaiter, SleepState,
    TaskData, TaskStage, Waiter,
};
use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::trace::{
    BlockKind, EventKind, Outcome as TaskOutcome, TaskInfo, TaskName, TaskResult, TimerKind,
    TimerRecord, WaitOn, NO_TASK,
};
use crate::value::{repr, CoroState, Value};
use crate::vm::{
    cancelled_error, make_cancelled_error, Abort, Called, Frame, Outcome, Resume, TaskSlot, Vm,
    Wait,
};

/// An `asyncio.run` between its start and its finish: the main task and the
/// id of the done callback that stops the loop.
pub(crate) struct MainRun {
    pub(crate) main: FutRef,
    stop: u64,
}

/// The source offset the innermost Python frame of `frames` is at.
fn frames_offset(frames: &[Frame]) -> Option<u32> {
    frames.iter().rev().find_map(|f| match f {
        Frame::Py(p) => Some(p.span_start()),
        Frame::Native(_) => None,
    })
}

/// What `Task.__step(exc)` resumes the task with.
fn step_input(exc: Option<ExcRef>) -> Resume {
    match exc {
        Some(e) => Resume::Throw(e),
        None => Resume::Value(Value::None),
    }
}

/// How many futures `Vm::recycle_future` keeps for reuse at most.
const SPARE_FUTURES: usize = 64;

/// Event-loop passes before a run is stopped (each pass normally costs steps too).
const MAX_PASSES: u32 = 20_000_000;

impl Vm {
    /// `loop.call_soon`: append to the ready queue. A task's step or
    /// wake-up goes in as its `Ready` entry at once (no Handle made and
    /// taken apart).
    pub(crate) fn call_soon(&mut self, cb: Callback, arg: Option<FutRef>) {
        let entry = match (cb, arg) {
            (Callback::TaskWakeup { task, id, line }, Some(fut)) => {
                self.event_known(id, line, EventKind::Ready);
                Ready::Wakeup { task, fut }
            }
            (
                Callback::TaskStep {
                    task,
                    exc,
                    id,
                    line,
                },
                None,
            ) => {
                self.event_known(id, line, EventKind::Ready);
                Ready::Step { task, exc }
            }
            (cb, arg) => {
                if let Callback::TaskStep { id, line, .. }
                | Callback::TaskWakeup { id, line, .. }
                | Callback::SleepWakeup { id, line, .. } = cb
                {
                    self.event(id, line, EventKind::Ready);
                }
                Ready::from(Handle {
                    cb,
                    arg,
                    cancelled: None,
                })
            }
        };
        self.lp.ready.push_ready(entry);
    }

    /// `loop.call_at`: a timer; returns its cancelled flag (the TimerHandle).
    pub(crate) fn call_at(&mut self, when: f64, cb: Callback) -> TimerRef {
        let task = self.current_task_id();
        self.call_at_by(when, cb, task)
    }

    /// `call_at` by the task numbered `task` (the current one, known to the caller).
    fn call_at_by(&mut self, when: f64, cb: Callback, task: u32) -> TimerRef {
        let kind = match &cb {
            Callback::ReleaseWaiter { .. }
            | Callback::TimeoutFire { .. }
            | Callback::AsCompletedTimeout { .. } => TimerKind::Timeout,
            _ => TimerKind::Callback,
        };
        let flag = self.new_timer(when, kind, task);
        let what = TimerWhat::Other(Box::new(cb));
        self.lp.timers.push(when, Timer { flag, what });
        flag
    }

    /// `sleep`'s `call_later(delay, _set_result_unless_cancelled, …)` for
    /// the task numbered `task`, waiting at `line`: a `Ready::SleepTimer`
    /// once due (`start_pass`).
    fn call_sleep(&mut self, when: f64, task: u32, line: u32) -> TimerRef {
        let flag = self.new_timer(when, TimerKind::Sleep, task);
        let what = TimerWhat::Sleep { task, line };
        self.lp.timers.push(when, Timer { flag, what });
        flag
    }

    /// The trace's record of a new timer, and its cancelled flag.
    fn new_timer(&mut self, when: f64, kind: TimerKind, task: u32) -> TimerRef {
        let record = self.trace.timers.len() as u32;
        self.trace.timers.push(TimerRecord {
            due: when,
            added: self.trace.events.len() as u32,
            ended: u32::MAX,
            task,
            kind,
        });
        self.lp.cancelled.new_flag(record)
    }

    /// `TimerHandle.cancel()`: the timer will not fire and is no longer pending.
    pub(crate) fn cancel_timer(&mut self, t: &TimerRef) {
        if self.lp.cancelled.set_cancelled(*t) {
            self.end_timer(t.record);
        }
    }

    fn end_timer(&mut self, record: u32) {
        self.end_timer_at(record, self.trace.events.len() as u32);
    }

    /// `end_timer` with the trace's length `step` when it ended.
    fn end_timer_at(&mut self, record: u32, step: u32) {
        if let Some(r) = self.trace.timers.get_mut(record as usize) {
            if r.ended == u32::MAX {
                r.ended = step;
            }
        }
    }

    /// The line a task's innermost Python frame is at.
    pub(crate) fn task_line(&self, task: &FutRef) -> u32 {
        let t = task.borrow();
        match t.task.as_ref() {
            Some(td) if !td.frames.is_empty() || td.frame.is_some() => td.line,
            _ => 0,
        }
    }

    fn frames_line(&self, frames: &[Frame]) -> u32 {
        frames_offset(frames).map_or(0, |o| self.line_of(o))
    }

    /// `loop.create_task(coro)` plus `asyncio.create_task`'s naming.
    pub(crate) fn create_task(
        &mut self,
        coro: Value,
        name: Option<String>,
    ) -> Result<FutRef, ExcRef> {
        let Value::Coro(c) = &coro else {
            return Err(ExcObj::msg(
                ExcType::TypeError,
                format!("a coroutine was expected, got {}", repr(&coro)),
            ));
        };
        if self.tasks.len() as u32 >= self.limits.max_tasks {
            self.set_abort(Abort::Limit(format!(
                "task limit reached: more than {} tasks",
                self.limits.max_tasks
            )));
            return Err(ExcObj::msg(ExcType::RuntimeError, "task limit reached"));
        }
        let state = std::mem::replace(&mut c.borrow_mut().state, CoroState::Started);
        let frame = match state {
            CoroState::Created(f) => f,
            CoroState::Started => {
                return Err(ExcObj::msg(
                    ExcType::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
        };
        self.task_counter += 1;
        // `Task-N` stays a number until something reads it.
        let name = match name {
            Some(n) => OwnName::given(Arc::from(n)),
            None => OwnName::numbered(self.task_counter),
        };
        let info_name = name.to_task_name();
        let func = c.borrow().name.clone();
        if let Value::Coro(c) = coro {
            self.coro_done(c);
        }
        let func_shared = self.shared_name(&func);
        let id = self.tasks.len() as u32;
        let first_at = frames_offset(std::slice::from_ref(&frame));
        let first_line = first_at.map_or(0, |o| self.made_task_line(o));
        let fut = Future::new(WaitOn::Task { task: id });
        fut.borrow_mut().task = Some(TaskData {
            id,
            name,
            func,
            frames: Vec::new(),
            frame: Some(frame),
            stage: TaskStage::New,
            line: first_line,
            line_at: first_at,
            waiter: Waiter::None,
            must_cancel: false,
            num_cancels_requested: 0,
        });
        self.tasks.push(TaskSlot::Held(fut.clone()));
        let parent = self.current_task_id();
        let step = self.trace.events.len() as u32;
        self.trace.tasks.push(TaskInfo {
            id,
            name: info_name,
            func: func_shared,
            created_step: step,
            parent,
            result: None,
        });
        let line = self.made_task_line(self.line_offset);
        self.event_known(id, line, EventKind::Created { parent });
        // `call_soon(task.__step)`, with no event of its own (`Created` is
        // it): its ready entry made at once, as `call_soon` does.
        self.lp.ready.push_ready(Ready::Step {
            task: fut.clone(),
            exc: None,
        });
        Ok(fut)
    }

    pub(crate) fn rename_task(&mut self, task: &FutRef, name: String) {
        let mut t = task.borrow_mut();
        if let Some(td) = t.task.as_mut() {
            let name: Arc<str> = Arc::from(name);
            if let Some(info) = self.trace.tasks.get_mut(td.id as usize) {
                info.name = TaskName::Given(name.clone());
            }
            td.name = OwnName::given(name);
        }
    }

    /// `ensure_future`: a coroutine becomes a task; a future stays itself.
    pub(crate) fn ensure_future(&mut self, v: Value) -> Result<FutRef, ExcRef> {
        match v {
            Value::Future(f) => Ok(f),
            c @ Value::Coro(_) => self.create_task(c, None),
            _ => Err(ExcObj::msg(
                ExcType::TypeError,
                "An asyncio.Future, a coroutine or an awaitable is required",
            )),
        }
    }

    /// `Future::new` for the futures asyncio's own coroutines wait on: a
    /// recycled one if there is any. A queue or a lock whose waiters come and
    /// go makes a future per wait; reusing them saves an allocation and a
    /// free each.
    pub(crate) fn new_future(&mut self, waits_on: WaitOn) -> FutRef {
        match self.lp.spare_futures.pop() {
            Some(f) => {
                f.borrow_mut().waits_on = waits_on;
                f
            }
            None => Future::new(waits_on),
        }
    }

    /// The end of a future that a task waited for: if nothing else refers to
    /// it (no strong or weak reference: it can never be seen again), it is
    /// emptied now, what it held dropped as it would have been, and kept
    /// for `new_future`.
    #[inline]
    fn recycle_future(&mut self, f: FutRef) {
        if Rc::strong_count(&f) == 1
            && Rc::weak_count(&f) == 0
            && self.lp.spare_futures.len() < SPARE_FUTURES
        {
            f.borrow_mut().reset();
            self.lp.spare_futures.push(f);
        }
    }

    pub(crate) fn add_done_callback(&mut self, f: &FutRef, cb: Callback) -> u64 {
        let id = self.callback_id();
        let mut fb = f.borrow_mut();
        if fb.done() {
            drop(fb);
            self.call_soon_done(cb, f);
        } else {
            fb.callbacks.push(DoneCallback { id, cb });
        }
        id
    }

    pub(crate) fn remove_done_callback(&mut self, f: &FutRef, id: u64) -> usize {
        let mut f = f.borrow_mut();
        let before = f.callbacks.len();
        f.callbacks.retain(|c| c.id != id);
        before - f.callbacks.len()
    }

    /// The end of `set_result`, `set_exception` and `Future.cancel`, in the
    /// borrow `fb` that set `f`'s state: its done callbacks are taken out in
    /// that same borrow (a queue or a lock sets a result on every wait),
    /// then the task's end is recorded if it is one, then the callbacks are
    /// scheduled.
    fn future_done(&mut self, f: &FutRef, mut fb: RefMut<'_, Future>, outcome: TaskOutcome) {
        let is_task = fb.task.is_some();
        let cbs = std::mem::take(&mut fb.callbacks);
        drop(fb);
        if is_task {
            self.record_task_end(f, outcome);
        }
        // Usually just one, the waiting task's wake-up: taken out without an iterator.
        match cbs.into_inner() {
            Ok([c]) => self.call_soon_done(c.cb, f),
            Err(cbs) => {
                for c in cbs {
                    self.call_soon_done(c.cb, f);
                }
            }
        }
    }

    /// `call_soon` of a done callback of `f`: a task's wake-up or a gather
    /// child's end, nearly every one, goes in as its `Ready` entry at once.
    fn call_soon_done(&mut self, cb: Callback, f: &FutRef) {
        match cb {
            Callback::TaskWakeup { task, id, line } => {
                self.event_known(id, line, EventKind::Ready);
                let fut = f.clone();
                self.lp.ready.push_ready(Ready::Wakeup { task, fut });
            }
            Callback::GatherChildDone { state } => {
                let fut = f.clone();
                self.lp
                    .ready
                    .push_ready(Ready::GatherChildDone { state, fut });
            }
            cb => self.call_soon(cb, Some(f.clone())),
        }
    }

    pub(crate) fn set_result(&mut self, f: &FutRef, v: Value) -> Result<(), ExcRef> {
        let mut fb = f.borrow_mut();
        if fb.done() {
            return Err(ExcObj::msg(ExcType::InvalidStateError, "invalid state"));
        }
        fb.state = FutState::Done(v);
        self.future_done(f, fb, TaskOutcome::Returned);
        Ok(())
    }

    pub(crate) fn set_exception(&mut self, f: &FutRef, e: ExcRef) -> Result<(), ExcRef> {
        let mut fb = f.borrow_mut();
        if fb.done() {
            return Err(ExcObj::msg(ExcType::InvalidStateError, "invalid state"));
        }
        fb.state = FutState::Failed(e);
        fb.log_traceback = true;
        self.future_done(f, fb, TaskOutcome::Raised);
        Ok(())
    }

    /// `Future.cancel` (the plain one, also `super().cancel()` of a task).
    pub(crate) fn future_cancel(&mut self, f: &FutRef, msg: Option<Value>) -> bool {
        let mut fb = f.borrow_mut();
        fb.log_traceback = false;
        if fb.done() {
            return false;
        }
        fb.state = FutState::Cancelled;
        fb.set_cancel_message(msg);
        self.future_done(f, fb, TaskOutcome::Cancelled);
        true
    }

    /// `cancel()` on any future: tasks and gathers have their own rules.
    pub(crate) fn cancel(&mut self, f: &FutRef, msg: Option<Value>) -> bool {
        let is_task = f.borrow().task.is_some();
        if is_task {
            {
                let mut fb = f.borrow_mut();
                fb.log_traceback = false;
                if fb.done() {
                    return false;
                }
                if let Some(t) = fb.task.as_mut() {
                    t.num_cancels_requested += 1;
                }
            }
            if self.cancel_waiter(f, msg.clone()) {
                return true;
            }
            let mut fb = f.borrow_mut();
            if let Some(t) = fb.task.as_mut() {
                t.must_cancel = true;
            }
            fb.set_cancel_message(msg);
            return true;
        }
        let children = f.borrow().children.clone();
        if let Some(children) = children {
            if f.borrow().done() {
                return false;
            }
            let mut ret = false;
            for c in children {
                if self.cancel(&c, msg.clone()) {
                    ret = true;
                }
            }
            if ret {
                f.borrow_mut().cancel_requested = true;
            }
            return ret;
        }
        self.future_cancel(f, msg)
    }

    /// The end of `Task.__step` when the task waits: `_fut_waiter` is set,
    /// and if a `cancel()` came while it ran (`_must_cancel`) the waiter is
    /// cancelled at once (`cancel_new_waiter`, rare). `fb` is the task's
    /// borrow, which a sleep's end in `task_run` already holds. Inlined
    /// into its callers (every await ends here).
    #[inline(always)]
    fn wait_on(&mut self, task: &FutRef, mut fb: RefMut<'_, Future>, waiter: Waiter) {
        let must_cancel = match fb.task.as_mut() {
            Some(t) => {
                // What it replaces is `Waiter::None` (`task_step` took the
                // last one out): nothing to call the drop glue for, which
                // is not inlined here.
                let old = std::mem::replace(&mut t.waiter, waiter);
                debug_assert!(matches!(old, Waiter::None));
                std::mem::forget(old);
                t.must_cancel
            }
            None => false,
        };
        drop(fb);
        if must_cancel {
            self.cancel_new_waiter(task);
        }
    }

    /// `wait_on` with `_must_cancel` set.
    fn cancel_new_waiter(&mut self, task: &FutRef) {
        let msg = task.borrow().cancel_message().cloned();
        if self.cancel_waiter(task, msg) {
            if let Some(td) = task.borrow_mut().task.as_mut() {
                td.must_cancel = false;
            }
        }
    }

    /// `task._fut_waiter.cancel(msg)`: whether what the task waits for was
    /// cancelled (false if it waits for nothing, or for something done).
    fn cancel_waiter(&mut self, task: &FutRef, msg: Option<Value>) -> bool {
        // (Read, then let go of the task before cancelling anything.)
        let future = match task.borrow().task.as_ref().map(|t| &t.waiter) {
            Some(Waiter::Future(w)) => Some(w.clone()),
            Some(Waiter::Sleep { .. } | Waiter::Queue { .. }) => None,
            _ => return false,
        };
        match future {
            Some(f) => self.cancel(&f, msg),
            None => self.cancel_sleep(task, msg),
        }
    }

    /// `Future.cancel(msg)` on the future of the sleep `task` waits in
    /// (`Waiter::Sleep`), or of its wait in a queue (`Waiter::Queue`):
    /// false unless it is pending; else it is cancelled and its done
    /// callback, the task's wake-up, queued.
    fn cancel_sleep(&mut self, task: &FutRef, msg: Option<Value>) -> bool {
        let (id, line) = {
            let mut fb = task.borrow_mut();
            let Some(t) = fb.task.as_mut() else {
                return false;
            };
            match &mut t.waiter {
                Waiter::Sleep { state, .. } if matches!(state, SleepState::Pending) => {
                    *state = SleepState::Cancelled(msg);
                }
                Waiter::Queue { serial, state, .. } if *state == QueueWaitState::Pending => {
                    *state = QueueWaitState::Cancelled;
                    if let Some(msg) = msg {
                        self.queue_cancel_messages.push((*serial, msg));
                    }
                }
                _ => return false,
            }
            (t.id, t.line)
        };
        let task = task.clone();
        self.call_soon(Callback::SleepWakeup { task, id, line }, None);
        true
    }

    fn record_task_end(&mut self, f: &FutRef, outcome: TaskOutcome) {
        let (id, result) = {
            let fb = f.borrow();
            let Some(td) = fb.task.as_ref() else { return };
            let result = match &fb.state {
                // A gather tree's every task returns an int, most others
                // None: kept as they are, written out only if read.
                FutState::Done(Value::Int(i)) => TaskResult::Int(*i),
                FutState::Done(Value::None) => TaskResult::None,
                FutState::Done(v) => TaskResult::Text(repr(v)),
                FutState::Failed(e) => TaskResult::Text(e.traceback_line().trim_end().to_string()),
                _ => TaskResult::Cancelled,
            };
            (td.id, result)
        };
        if let Some(info) = self.trace.tasks.get_mut(id as usize) {
            info.result = Some((outcome, result));
        }
        if !matches!(f.borrow().state, FutState::Failed(_)) {
            self.let_go_of_task(id);
        }
        // A finished task has no frames left: its last line is the one that returned or raised.
        let is_current = self.current.as_ref().is_some_and(|c| Rc::ptr_eq(c, f));
        let line = match self.task_line(f) {
            0 if is_current => self.ended_line(self.line_offset),
            l => l,
        };
        self.event_known(id, line, EventKind::Done { outcome });
    }

    /// `Task.__step`: run the task's coroutine until it waits, yields, or ends.
    fn task_step(&mut self, task: &FutRef, input: Resume) {
        let mut input = input;
        let waiter;
        let (id, line, frames) = {
            let mut fb = task.borrow_mut();
            if fb.done() {
                return;
            }
            let must_cancel = fb.task.as_ref().is_some_and(|t| t.must_cancel);
            if must_cancel {
                let is_cancel = matches!(&input, Resume::Throw(e) if e.is(ExcType::CancelledError));
                if !is_cancel {
                    input = Resume::Throw(make_cancelled_error(&mut fb));
                }
            }
            let Some(td) = fb.task.as_mut() else { return };
            if must_cancel {
                td.must_cancel = false;
            }
            waiter = std::mem::replace(&mut td.waiter, Waiter::None);
            if td.stage.frame_inline() {
                // Not started, or waiting with its one frame inline.
                if matches!(td.stage, TaskStage::New) {
                    if let Resume::Value(_) = input {
                        input = Resume::Start;
                    }
                }
                self.spare_task_stack(td);
            }
            (td.id, td.line, std::mem::take(&mut td.frames))
        };
        self.event_hot(id, line, EventKind::Running);
        match &waiter {
            // A sleep whose timer fired: its `h.cancel()` changes nothing
            // anyone can see (the timer has left the heap and its record
            // was ended when it fired).
            Waiter::Sleep {
                state: SleepState::Done,
                ..
            } => {}
            // `sleep`'s `finally: h.cancel()`, the first thing it does when resumed.
            Waiter::Sleep { timer, .. } => self.cancel_timer(timer),
            _ => {}
        }
        let prev = self.current.replace(task.clone());
        self.task_run(task, id, frames, input, prev);
    }

    /// The stack a task's step runs on, with the task's frames: the task's
    /// own, or (while it holds its one frame inline) a spare one of the
    /// VM's (`spare_task_stack`; `task_step` does the same inline).
    #[inline(always)]
    fn task_stack(&mut self, td: &mut TaskData) -> Vec<Frame> {
        if td.stage.frame_inline() {
            self.spare_task_stack(td);
        }
        std::mem::take(&mut td.frames)
    }

    /// `task_stack` for a task holding its one frame inline (`New` or
    /// `Waited`): a spare stack (or a new one) with the frame on it.
    #[inline(never)]
    fn spare_task_stack(&mut self, td: &mut TaskData) {
        let mut stack = self.spare_stack();
        stack.extend(td.frame.take());
        td.frames = stack;
        td.stage = TaskStage::OnSpare {
            first: matches!(td.stage, TaskStage::New),
        };
    }

    /// The end of a task's step on `stack`: after its first step, a task
    /// waiting with its one frame keeps it inline and a finished task keeps
    /// no stack (a spare stack goes back to the VM for the next steps);
    /// otherwise the stack becomes (or stays) the task's own, as it was
    /// before tasks held a frame inline (no copying at every step).
    #[inline(always)]
    fn keep_task_frames(&mut self, td: &mut TaskData, stack: Vec<Frame>) {
        if let TaskStage::OnSpare { first } = td.stage {
            return self.keep_spare_stack(td, stack, first);
        }
        td.frames = stack;
    }

    /// `keep_task_frames` for a step on a spare stack.
    #[inline(never)]
    fn keep_spare_stack(&mut self, td: &mut TaskData, mut stack: Vec<Frame>, first: bool) {
        if stack.is_empty() || (first && stack.len() == 1) {
            td.frame = stack.pop();
            // Its next step goes through `spare_task_stack` again.
            td.stage = TaskStage::Waited;
            self.keep_stack(stack);
            return;
        }
        td.stage = TaskStage::Own;
        td.frames = stack;
    }

    /// The rest of `task_step` from running the task's frames: also where a
    /// paused step goes on (`Resume::Start`), in the next `run_passes`.
    fn task_run(
        &mut self,
        task: &FutRef,
        id: u32,
        mut frames: Vec<Frame>,
        mut input: Resume,
        prev: Option<FutRef>,
    ) {
        let outcome = loop {
            match self.run_stack_pausable(&mut frames, input) {
                Outcome::Block(kind, secs) => {
                    let line = self.frames_line(&frames);
                    self.block_loop_thread_at(kind, secs, line);
                    input = Resume::Value(Value::None);
                }
                Outcome::RunLoop(run) => input = Resume::from(self.loop_to_end(run)),
                Outcome::Paused => {
                    if let Some(td) = task.borrow_mut().task.as_mut() {
                        // The stack becomes its own, whichever it ran on.
                        td.stage = TaskStage::Own;
                        td.frames = frames;
                    }
                    self.lp.paused = Some(PausedStep {
                        task: task.clone(),
                        id,
                        prev,
                        waits_on: None,
                    });
                    return;
                }
                other => break other,
            }
        };
        let at = frames_offset(&frames);
        let mut fb = task.borrow_mut();
        let line = match fb.task.as_mut() {
            Some(td) => {
                if at != td.line_at {
                    td.line_at = at;
                    td.line = at.map_or(0, |o| self.waited_line(o));
                }
                self.keep_task_frames(td, frames);
                td.line
            }
            None => at.map_or(0, |o| self.line_of(o)),
        };
        if let Outcome::Suspend(Wait::Sleep(until)) = outcome {
            // `sleep`: `call_later(delay, _set_result_unless_cancelled,
            // future)`, then the task waits on the future (`wait_on`). The
            // usual end of a step, done in the borrow above: the timer and
            // the event do not touch the task.
            let timer = self.call_sleep(until, id, line);
            self.event_hot(
                id,
                line,
                EventKind::Waiting {
                    on: WaitOn::Sleep { until },
                },
            );
            let waiter = Waiter::Sleep {
                until,
                timer,
                state: SleepState::Pending,
            };
            self.wait_on(task, fb, waiter);
            self.current = prev;
            return;
        }
        if let Outcome::Suspend(Wait::Queue { kind, serial }) = outcome {
            // `await getter` (or `putter`) in `Queue.get`, or `await fut`
            // in `Lock.acquire` (`kind`): the future is the task's
            // (`Waiter::Queue`); its done callback, the task's wake-up, is
            // queued when it is woken or cancelled.
            let on = kind.wait_on();
            self.event_known(id, line, EventKind::Waiting { on });
            let waiter = Waiter::Queue {
                kind,
                serial,
                state: QueueWaitState::Pending,
            };
            self.wait_on(task, fb, waiter);
            self.current = prev;
            return;
        }
        drop(fb);
        match outcome {
            Outcome::Return(v) => {
                let must_cancel = task.borrow().task.as_ref().is_some_and(|t| t.must_cancel);
                if must_cancel {
                    if let Some(td) = task.borrow_mut().task.as_mut() {
                        td.must_cancel = false;
                    }
                    let msg = task.borrow().cancel_message().cloned();
                    self.future_cancel(task, msg);
                } else {
                    let _ = self.set_result(task, v);
                }
            }
            Outcome::Raise(e) => {
                if e.is(ExcType::SystemExit) || e.is(ExcType::KeyboardInterrupt) {
                    let _ = self.set_exception(task, e.clone());
                    task.borrow_mut().log_traceback = false;
                    self.escaping = Some(e);
                } else if e.is(ExcType::CancelledError) {
                    task.borrow_mut().set_cancelled_exc(e);
                    self.future_cancel(task, None);
                } else {
                    let _ = self.set_exception(task, e);
                }
            }
            Outcome::Suspend(Wait::Future(f)) => {
                // A `to_thread` that gave its pool work: the threads settle
                // now, where a worker's Python can pause (the step then ends
                // at the next slice).
                if self.machine.settle_due && self.settle_after_step() {
                    self.lp.paused = Some(PausedStep {
                        task: task.clone(),
                        id,
                        prev,
                        waits_on: Some((f, line)),
                    });
                    return;
                }
                self.task_waits_on(task, id, line, f);
            }
            Outcome::Suspend(Wait::Bare) => {
                self.call_soon(
                    Callback::TaskStep {
                        task: task.clone(),
                        exc: None,
                        id,
                        line,
                    },
                    None,
                );
            }
            Outcome::Suspend(Wait::Sleep(_) | Wait::Queue { .. })
            | Outcome::Block(..)
            | Outcome::RunLoop(_)
            | Outcome::Abort
            | Outcome::Yield(_)
            | Outcome::Paused => {}
        }
        self.current = prev;
    }

    /// The end of a step whose task awaits future `f` (at `line`).
    #[inline]
    fn task_waits_on(&mut self, task: &FutRef, id: u32, line: u32, f: FutRef) {
        let on = f.borrow().waits_on;
        self.event_known(id, line, EventKind::Waiting { on });
        self.add_done_callback(
            &f,
            Callback::TaskWakeup {
                task: task.clone(),
                id,
                line,
            },
        );
        self.wait_on(task, task.borrow_mut(), Waiter::Future(f));
    }

    /// Go on with a task step that paused (`Outcome::Paused`).
    fn resume_paused_step(&mut self, step: PausedStep) {
        // The threads' settling after the step paused: it goes on first.
        if self.machine.paused_turn.is_some() && self.settle_after_step() {
            self.lp.paused = Some(step);
            return;
        }
        let PausedStep {
            task,
            id,
            prev,
            waits_on,
        } = step;
        if let Some((f, line)) = waits_on {
            self.task_waits_on(&task, id, line, f);
            self.current = prev;
            return;
        }
        let frames = match task.borrow_mut().task.as_mut() {
            Some(td) => self.task_stack(td),
            None => Vec::new(),
        };
        self.task_run(&task, id, frames, Resume::Start, prev);
    }

    /// The loop thread blocks (`time.sleep`, `cpu`): the clock moves on, nothing else runs.
    pub(crate) fn block_loop_thread(&mut self, kind: BlockKind, secs: f64) {
        let line = self.line_of(self.line_offset);
        self.block_loop_thread_at(kind, secs, line);
    }

    fn block_loop_thread_at(&mut self, kind: BlockKind, secs: f64, line: u32) {
        let until = self.lp.now + secs;
        let task = self.current_task_id();
        self.event(task, line, EventKind::Blocking { what: kind, until });
        if self.machine.active() {
            // Workers run meanwhile; `cpu` may also wait for a core or the GIL.
            self.loop_block(kind, secs);
        } else {
            self.lp.now = until;
        }
        self.check_horizon();
    }

    pub(crate) fn check_horizon(&mut self) {
        if self.lp.now > self.limits.max_time {
            self.set_abort(Abort::Limit(format!(
                "time limit reached: the virtual clock passed {} s",
                crate::pyfmt::float_repr(self.limits.max_time)
            )));
        }
    }

    /// Run a ready-queue entry (not cancelled).
    fn run_ready(&mut self, r: Ready) {
        match r {
            Ready::Step { task, exc } => self.task_step(&task, step_input(exc)),
            Ready::Wakeup { task, fut } => self.task_wakeup(&task, fut),
            Ready::SleepTimer { id, line, flag } => self.sleep_timer(id, flag.record, line),
            Ready::SleepWakeup { task } => self.sleep_wakeup(&task),
            Ready::GatherChildDone { state, fut } => {
                combinators::gather_child_done(self, &state, &fut)
            }
            Ready::Other(h) => self.run_callback(*h),
        }
    }

    /// `Task.__wakeup(f)`: the task goes on with `f`'s result.
    fn task_wakeup(&mut self, task: &FutRef, f: FutRef) {
        let input = match self.future_result(&f) {
            Ok(v) => Resume::Value(v),
            Err(e) => Resume::Throw(e),
        };
        self.task_step(task, input);
        self.recycle_future(f);
    }

    /// `_set_result_unless_cancelled` of the sleep the task numbered `id`
    /// waits in with the timer `record`: then its wake-up is queued.
    fn sleep_timer(&mut self, id: u32, record: u32, line: u32) {
        let Some(task) = self.held_task(id) else {
            return;
        };
        let fired = match task.borrow_mut().task.as_mut().map(|t| &mut t.waiter) {
            Some(Waiter::Sleep { timer, state, .. })
                if timer.record == record && matches!(state, SleepState::Pending) =>
            {
                *state = SleepState::Done;
                true
            }
            _ => false,
        };
        if fired {
            let task = task.clone();
            self.event_hot(id, line, EventKind::Ready);
            self.lp.ready.push_ready(Ready::SleepWakeup { task });
        }
    }

    /// `Task.__wakeup` on the future of the sleep the task waits in, or of
    /// its wait in a queue.
    #[inline]
    fn sleep_wakeup(&mut self, task: &FutRef) {
        let input = match task.borrow().task.as_ref().map(|t| &t.waiter) {
            Some(Waiter::Sleep {
                state: SleepState::Cancelled(msg),
                ..
            }) => Resume::Throw(cancelled_error(msg.as_ref())),
            Some(Waiter::Queue { serial, state, .. }) => self.queue_wakeup_input(*serial, *state),
            _ => Resume::Value(Value::None),
        };
        self.task_step(task, input);
    }

    /// What `Task.__wakeup` resumes a task with from the queue's waiter it
    /// kept inline (wait `serial`, in `state`): `None`, or the
    /// CancelledError of its cancellation, with the message if it had one
    /// (taken out of `queue_cancel_messages`). Whether it was cancelled is
    /// kept for the coroutine's `getter.cancelled()`, if it is thrown into
    /// (a cancellation that came after the waiter was woken). Out of line:
    /// not to weigh on the wake-up of a sleep, which shares the ready entry.
    #[inline(never)]
    fn queue_wakeup_input(&mut self, serial: u64, state: QueueWaitState) -> Resume {
        let cancelled = state == QueueWaitState::Cancelled;
        self.queue_wait_cancelled = cancelled;
        if !cancelled {
            return Resume::Value(Value::None);
        }
        let at = self
            .queue_cancel_messages
            .iter()
            .position(|(s, _)| *s == serial);
        let msg = at.map(|i| self.queue_cancel_messages.swap_remove(i).1);
        Resume::Throw(cancelled_error(msg.as_ref()))
    }

    /// The state of the wait numbered `serial` that the task numbered
    /// `task` keeps (`QueueWaiter::Task`), while the task still waits on it;
    /// `None` once it no longer does (it was woken from it: done).
    fn kept_wait_state(&self, task: u32, serial: u64) -> Option<QueueWaitState> {
        let t = self.held_task(task)?.borrow();
        match t.task.as_ref().map(|t| &t.waiter) {
            Some(Waiter::Queue {
                serial: s, state, ..
            }) if *s == serial => Some(*state),
            _ => None,
        }
    }

    /// `w.cancelled()` for a queue's, lock's or semaphore's waiter.
    pub(crate) fn waiter_cancelled(&self, w: &QueueWaiter) -> bool {
        match w {
            QueueWaiter::Future(f) => f.borrow().cancelled(),
            QueueWaiter::Task { task, serial } => {
                self.kept_wait_state(*task, *serial) == Some(QueueWaitState::Cancelled)
            }
        }
    }

    /// `w.done()` for a queue's, lock's or semaphore's waiter.
    pub(crate) fn waiter_done(&self, w: &QueueWaiter) -> bool {
        match w {
            QueueWaiter::Future(f) => f.borrow().done(),
            QueueWaiter::Task { task, serial } => {
                self.kept_wait_state(*task, *serial) != Some(QueueWaitState::Pending)
            }
        }
    }

    /// `w.set_result(None)` in `Queue._wakeup_next` (or `set_result(True)`
    /// in `Lock._wake_up_first`) for the waiter of the
    /// task numbered `id` kept inline (`QueueWaiter::Task`): false if it is
    /// done (the task no longer waits on it); else it is done and its done
    /// callback, the task's wake-up, queued.
    pub(crate) fn wake_queue_waiter(&mut self, id: u32, serial: u64) -> bool {
        let Some(task) = self.held_task(id) else {
            return false;
        };
        let line = {
            let mut fb = task.borrow_mut();
            let Some(t) = fb.task.as_mut() else {
                return false;
            };
            match &mut t.waiter {
                Waiter::Queue {
                    serial: s, state, ..
                } if *s == serial && *state == QueueWaitState::Pending => {
                    *state = QueueWaitState::Done;
                }
                _ => return false,
            }
            t.line
        };
        let task = task.clone();
        self.event_known(id, line, EventKind::Ready);
        self.lp.ready.push_ready(Ready::SleepWakeup { task });
        true
    }

    fn run_callback(&mut self, h: Handle) {
        let arg = h.arg;
        match h.cb {
            Callback::TaskStep { task, exc, .. } => self.task_step(&task, step_input(exc)),
            Callback::TaskWakeup { task, .. } => {
                if let Some(f) = arg {
                    self.task_wakeup(&task, f);
                }
            }
            Callback::SleepWakeup { task, .. } => self.sleep_wakeup(&task),
            Callback::ReleaseWaiter { waiter } => {
                if !waiter.borrow().done() {
                    let _ = self.set_result(&waiter, Value::None);
                }
            }
            Callback::GatherChildDone { state } => {
                if let Some(f) = arg {
                    combinators::gather_child_done(self, &state, &f);
                }
            }
            Callback::ShieldInnerDone { outer } => {
                if let Some(inner) = arg {
                    combinators::shield_inner_done(self, &outer, &inner);
                }
            }
            Callback::ShieldOuterDone { inner, inner_cb } => {
                if !inner.borrow().done() {
                    self.remove_done_callback(&inner, inner_cb);
                }
            }
            Callback::WaitCompletion { state } => {
                if let Some(f) = arg {
                    combinators::wait_completion(self, &state, &f);
                }
            }
            Callback::AsCompletedDone { state } => {
                if let Some(f) = arg {
                    combinators::as_completed_done(self, &state, &f);
                }
            }
            Callback::AsCompletedTimeout { state } => {
                combinators::as_completed_timeout(self, &state)
            }
            Callback::TaskGroupTaskDone { tg } => {
                if let Some(f) = arg {
                    combinators::taskgroup_task_done(self, &tg, &f);
                }
            }
            Callback::TimeoutFire { tm } => combinators::timeout_fire(self, &tm),
            Callback::User(user) => {
                let UserCallback { func, mut args } = *user;
                if let Some(f) = arg {
                    args.push(Value::Future(f));
                }
                if let Err(e) = self.call_sync(&func, args) {
                    if self.abort.is_none() {
                        let line = *e.line.borrow();
                        self.warn(
                            line,
                            format!("Exception in callback: {}", e.traceback_line().trim_end()),
                        );
                    }
                }
            }
            Callback::StopLoop => self.lp.stopping = true,
            Callback::ThreadDone { fut, result } => {
                // `futures._set_state`: a cancelled asyncio future ignores the result.
                if !fut.borrow().cancelled() {
                    let _ = match result {
                        Ok(v) => self.set_result(&fut, v),
                        Err(e) => self.set_exception(&fut, e),
                    };
                }
            }
        }
    }

    /// One pass of `BaseEventLoop._run_once`. Returns `Some(false)` when
    /// nothing can ever run again, `None` when a worker thread's Python
    /// paused while the loop waited (call again: the wait goes on).
    ///
    /// This is its first half: the clock, the due timers (the sleeps' at
    /// the head of the pass also run), and how many callbacks the pass
    /// runs (`pass_left`); `run_pass` runs them. `stop_at` as for `run_pass`.
    fn start_pass(&mut self, stop_at: usize) -> Option<bool> {
        if self.lp.wait.is_some() {
            // A worker's Python paused in this pass's wait: go on with it.
            if !self.loop_wait_again()? {
                return Some(false);
            }
        } else {
            self.lp.iteration = self.lp.iteration.saturating_add(1);
            // The trace keeps the pass as a list of changes, made here.
            self.trace.events.begin_pass(self.lp.iteration);
            // Passes that run no Python (timers re-arming themselves, say) still end.
            if self.lp.iteration >= MAX_PASSES {
                self.set_abort(Abort::Limit(format!(
                    "loop limit reached: more than {MAX_PASSES} passes of the event loop"
                )));
                return Some(true);
            }
            self.drain_never_awaited();
            let next = self.lp.timers.next_due(&self.lp.cancelled);
            if self.machine.active() && self.lp.ready.is_empty() && !self.lp.stopping {
                // Threads exist: wait for a timer or a thread's completion, then for the GIL.
                if !self.loop_wait_for_event(next)? {
                    return Some(false);
                }
            } else if self.lp.ready.is_empty() && !self.lp.stopping {
                match next {
                    Some(due) => {
                        if due > self.lp.now {
                            let from = self.lp.now;
                            self.lp.now = due;
                            self.event(NO_TASK, 0, EventKind::ClockJump { from });
                            self.check_horizon();
                            if self.abort.is_some() {
                                return Some(true);
                            }
                        }
                    }
                    None => return Some(false),
                }
            }
        }
        let end = self.lp.now + CLOCK_RESOLUTION;
        // Every due timer ends now, before any of them runs.
        let step = self.trace.events.len() as u32;
        // The callbacks of sleeps' timers at the head of the pass run here
        // at once (what `run_pass` would do first): they run no Python, so
        // nothing can happen between their leaving the heap and running,
        // and a sleep then costs no ready entry. Only while nothing else is
        // ahead of them, and not past `stop_at` (the pass may stop there).
        let mut at_head = self.lp.ready.is_empty();
        // Wake-ups queued by those: they go after this pass's entries.
        let mut woken = 0;
        while let Some(timer) = self.lp.timers.pop_due(end) {
            if timer.is_cancelled(&self.lp.cancelled) {
                continue;
            }
            let Timer { flag, what } = timer;
            self.end_timer_at(flag.record, step);
            let entry = match what {
                TimerWhat::Sleep { task, line } => {
                    at_head &= self.trace.events.len() < stop_at;
                    if at_head {
                        let before = self.lp.ready.len();
                        self.sleep_timer(task, flag.record, line);
                        woken += self.lp.ready.len() - before;
                        continue;
                    }
                    Ready::SleepTimer {
                        id: task,
                        line,
                        flag,
                    }
                }
                TimerWhat::Other(cb) => {
                    at_head = false;
                    Ready::from(Handle {
                        cb: *cb,
                        arg: None,
                        cancelled: Some(flag),
                    })
                }
            };
            self.lp.ready.push_ready(entry);
        }
        let queued = self.lp.ready.len();
        if woken > 0 && queued > woken {
            // Timers that did not run here are ahead of the wake-ups of those that did.
            self.lp.ready.move_front_to_back(woken);
        }
        self.lp.pass_left = queued - woken;
        Some(true)
    }

    /// The callbacks of the pass under way, until they are done, the run is
    /// aborted or escaped (the rest then belong to the next pass, as in
    /// CPython), or the trace reaches `stop_at` events: a session can pause
    /// in the middle of a pass of ten thousand steps.
    fn run_pass(&mut self, stop_at: usize) {
        // The rest of the callback that paused, first (only one can be
        // paused, and only when a pass was left: no check in the loop).
        if let Some(step) = self.lp.paused.take() {
            self.resume_paused_step(step);
            if self.pass_interrupted() {
                return;
            }
        }
        while self.lp.pass_left > 0 && self.trace.events.len() < stop_at {
            self.lp.pass_left -= 1;
            let Some(h) = self.lp.ready.pop() else {
                self.lp.pass_left = 0;
                return;
            };
            if h.is_cancelled(&self.lp.cancelled) {
                continue;
            }
            self.run_ready(h);
            if self.pass_interrupted() {
                return;
            }
        }
    }

    /// After a callback of the pass: true if the pass stops here, paused
    /// (the callback goes on later), or aborted or escaped (the rest then
    /// belong to the next pass, as in CPython).
    #[inline]
    fn pass_interrupted(&mut self) -> bool {
        if self.abort.is_some() || self.escaping.is_some() {
            self.lp.pass_left = 0;
            return true;
        }
        self.lp.paused.is_some()
    }

    /// `run_forever` until `stop()`; false on deadlock or abort.
    fn run_until_stopped(&mut self) -> bool {
        loop {
            if let Some(ok) = self.run_passes(usize::MAX) {
                return ok;
            }
        }
    }

    /// Passes of `run_forever` until `stop()` (`Some(true)`), a deadlock or
    /// an abort (`Some(false)`), or until the pass in which the trace reached
    /// `max_events` more events (`None`: call again to go on).
    pub(crate) fn run_passes(&mut self, max_events: usize) -> Option<bool> {
        let stop_at = self.trace.events.len().saturating_add(max_events);
        loop {
            if self.abort.is_some() {
                self.lp.pass_left = 0;
                self.lp.paused = None;
                self.lp.wait = None;
                self.machine.paused_turn = None;
                self.machine.settle_due = false;
                return Some(false);
            }
            if self.lp.pass_left == 0 && self.lp.paused.is_none() && !self.start_pass(stop_at)? {
                return Some(false);
            }
            if self.abort.is_none() {
                self.run_pass(stop_at);
            }
            if self.abort.is_some() {
                return Some(false);
            }
            if self.escaping.is_some() {
                return Some(true);
            }
            if self.lp.pass_left > 0 || self.lp.paused.is_some() {
                return None;
            }
            if self.lp.stopping {
                self.lp.stopping = false;
                return Some(true);
            }
            if self.trace.events.len() >= stop_at {
                return None;
            }
        }
    }

    /// `loop.run_until_complete(future)`.
    fn run_until_complete(&mut self, f: &FutRef) -> bool {
        let id = self.add_done_callback(f, Callback::StopLoop);
        let ok = self.run_until_stopped();
        self.remove_done_callback(f, id);
        ok
    }

    /// `asyncio.run(coro)`: run the main task, then cancel what is left and
    /// shut down like CPython's `Runner.close()`. At the top of the program's
    /// stack (`Vm::pausable`), the loop is left to the caller instead
    /// (`Called::RunLoop`), so that a long run can pause between passes.
    pub(crate) fn asyncio_run(&mut self, coro: Value) -> Result<Called, ExcRef> {
        let run = self.asyncio_run_start(coro)?;
        if self.pausable && self.nested_depth == 0 && self.worker.is_none() {
            return Ok(Called::RunLoop(run));
        }
        self.loop_to_end(run).map(Called::Value)
    }

    /// The rest of an `asyncio.run` at once.
    pub(crate) fn loop_to_end(&mut self, run: MainRun) -> Result<Value, ExcRef> {
        let ok = self.run_until_stopped();
        self.asyncio_run_finish(run, ok)
    }

    /// The first half of `asyncio.run`: the main task, with the done callback
    /// that stops the loop. Then `run_passes` until it is `Some(ok)`, then
    /// `asyncio_run_finish` (so a run can pause between passes).
    pub(crate) fn asyncio_run_start(&mut self, coro: Value) -> Result<MainRun, ExcRef> {
        if self.lp.running {
            return Err(ExcObj::msg(
                ExcType::RuntimeError,
                "asyncio.run() cannot be called from a running event loop",
            ));
        }
        if !matches!(coro, Value::Coro(_)) {
            return Err(ExcObj::msg(
                ExcType::ValueError,
                format!("a coroutine was expected, got {}", repr(&coro)),
            ));
        }
        self.lp.running = true;
        let main = self.create_task(coro, None)?;
        let stop = self.add_done_callback(&main, Callback::StopLoop);
        Ok(MainRun { main, stop })
    }

    /// The second half of `asyncio.run`, once the loop stopped (`ok`) or
    /// cannot go on: the main task's result, after shutting down.
    pub(crate) fn asyncio_run_finish(&mut self, run: MainRun, ok: bool) -> Result<Value, ExcRef> {
        let MainRun { main, stop } = run;
        self.remove_done_callback(&main, stop);
        if let Some(e) = self.escaping.take() {
            // The exception left run_forever; Runner.close() still cancels the rest.
            self.shutdown();
            self.escaping = None;
            self.lp.running = false;
            return Err(e);
        }
        let result = if ok {
            if main.borrow().done() {
                self.future_result(&main)
            } else {
                Err(ExcObj::msg(
                    ExcType::RuntimeError,
                    "Event loop stopped before Future completed.",
                ))
            }
        } else {
            self.stop_if_deadlocked();
            self.lp.running = false;
            return Err(ExcObj::bare(ExcType::SystemExit));
        };
        if !self.shutdown() {
            self.stop_if_deadlocked();
            self.lp.running = false;
            return Err(ExcObj::bare(ExcType::SystemExit));
        }
        self.lp.running = false;
        result
    }

    /// `_cancel_all_tasks`, `shutdown_asyncgens` and `shutdown_default_executor`.
    fn shutdown(&mut self) -> bool {
        let to_cancel: Vec<FutRef> = self
            .held_tasks()
            .filter(|t| !t.borrow().done())
            .cloned()
            .collect();
        if !to_cancel.is_empty() {
            for t in &to_cancel {
                self.cancel(t, None);
            }
            let args = to_cancel.iter().map(|t| Value::Future(t.clone())).collect();
            let outer = match combinators::gather(self, args, true) {
                Ok(o) => o,
                Err(_) => return true,
            };
            if !self.run_until_complete(&outer) {
                return false;
            }
            for t in &to_cancel {
                let exc = match &t.borrow().state {
                    FutState::Failed(e) => Some(e.clone()),
                    _ => None,
                };
                if let Some(e) = exc {
                    t.borrow_mut().log_traceback = false;
                    let line = *e.line.borrow();
                    self.warn(
                        line,
                        format!(
                            "unhandled exception during asyncio.run() shutdown: {}",
                            e.traceback_line().trim_end()
                        ),
                    );
                }
            }
        }
        // shutdown_default_executor() joins the default pool's threads.
        if let Some(p) = self.machine.default_pool {
            self.loop_join(Some(p));
        }
        // shutdown_asyncgens() and shutdown_default_executor() each run as a
        // task that finishes at once: two more passes each, and a task number.
        for _ in 0..2 {
            self.task_counter += 1;
            let fut = Future::new(WaitOn::Cancellation);
            let step = Handle::new(Callback::ReleaseWaiter {
                waiter: fut.clone(),
            });
            self.lp.ready.push(step);
            if !self.run_until_complete(&fut) {
                return false;
            }
        }
        true
    }

    fn stop_if_deadlocked(&mut self) {
        if self.abort.is_none() {
            self.set_abort(Abort::Deadlock);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::asyncio::objects::OwnName;
    use crate::trace::{TaskName, TaskResult};

    #[test]
    fn default_task_names_are_task_and_the_number() {
        for (n, text) in [
            (1, "Task-1"),
            (0, "Task-0"),
            (10, "Task-10"),
            (111_111, "Task-111111"),
            (u64::MAX, "Task-18446744073709551615"),
        ] {
            assert_eq!(TaskName::Numbered(n).to_string(), text);
            let own = OwnName::numbered(n);
            assert_eq!(own.to_string(), text, "before it is read as a str");
            assert_eq!(&*own, text);
            assert_eq!(own.to_string(), text, "after");
        }
        let given = OwnName::given(Arc::from("fetch-2"));
        assert_eq!(
            (&*given, given.to_string().as_str()),
            ("fetch-2", "fetch-2")
        );
        assert_eq!(given.to_task_name(), TaskName::Given(Arc::from("fetch-2")));
        assert_eq!(TaskName::Numbered(2), TaskName::from("Task-2"));
        assert_ne!(TaskName::Numbered(2), TaskName::from("Task-02"));
    }

    #[test]
    fn results_read_as_their_repr() {
        for (result, text) in [
            (TaskResult::None, "None"),
            (TaskResult::Int(0), "0"),
            (TaskResult::Int(-7), "-7"),
            (TaskResult::Int(i64::MIN), "-9223372036854775808"),
            (TaskResult::Cancelled, "cancelled"),
            (TaskResult::Text("[1, 2]".into()), "[1, 2]"),
        ] {
            assert_eq!(result.to_string(), text);
            assert_eq!(result, TaskResult::from(text));
        }
    }
}
