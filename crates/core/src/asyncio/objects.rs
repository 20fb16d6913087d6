//! Futures, tasks and the synchronisation objects, as plain data the scheduler mutates.

use std::cell::{OnceCell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;
use std::sync::Arc;

use crate::asyncio::event_loop::{Callback, TimerRef};
use crate::exc::ExcRef;
use crate::pyfmt::push_int;
use crate::trace::{TaskName, WaitOn};
use crate::value::{repr, Value};
use crate::vm::Frame;

pub(crate) type FutRef = Rc<RefCell<Future>>;

#[derive(Clone)]
pub(crate) enum FutState {
    Pending,
    Done(Value),
    Failed(ExcRef),
    Cancelled,
}

/// A done callback registered on a future; the id lets `remove_done_callback` find it.
pub(crate) struct DoneCallback {
    pub(crate) id: u64,
    pub(crate) cb: Callback,
}

/// An asyncio Future. A Task is a Future with `task` set.
pub(crate) struct Future {
    pub(crate) state: FutState,
    /// Almost always one (the waiting task's wake-up): kept inline, so an
    /// await allocates no list for it.
    pub(crate) callbacks: smallvec::SmallVec<[DoneCallback; 1]>,
    /// `cancel(msg)`'s message and the `CancelledError` its task raised,
    /// boxed: few futures are ever cancelled, and a gather tree keeps
    /// 100,000 tasks at once (see `Future::cancel_message`).
    cancelled: Option<Box<Cancelled>>,
    /// An exception was set and nobody has retrieved it yet.
    pub(crate) log_traceback: bool,
    /// What a task awaiting this future is waiting for (shown on the page).
    pub(crate) waits_on: WaitOn,
    /// Inline, not boxed: a task is one allocation (a gather tree makes
    /// 100,000 of them at once), and the few other futures are recycled.
    pub(crate) task: Option<TaskData>,
    /// For `gather`: its children; cancelling the gather cancels them.
    pub(crate) children: Option<Box<[FutRef]>>,
    pub(crate) cancel_requested: bool,
    /// For `gather`: how many of its distinct children have not called
    /// back yet, and whether it returns their exceptions. (A gather's state
    /// is its future: see `combinators::GatherState`. The two fit in what
    /// was padding.)
    pub(crate) gather_left: u32,
    pub(crate) return_exceptions: bool,
}

/// What a cancelled future keeps (`Future::cancelled`).
#[derive(Default)]
struct Cancelled {
    /// `cancel(msg)`'s message.
    message: Option<Value>,
    /// The `CancelledError` a task's coroutine raised, which awaiting the
    /// task raises again.
    exc: Option<ExcRef>,
}

/// What a waiting task waits for (`Task._fut_waiter`).
pub(crate) enum Waiter {
    None,
    Future(FutRef),
    /// The future of `asyncio.sleep`, which only the task can see, kept
    /// inline: its state, the timer that sets its result, and its deadline.
    Sleep {
        until: f64,
        timer: TimerRef,
        state: SleepState,
    },
    /// The future of `await q.get()`, `await q.put(x)` or a lock's or a
    /// semaphore's `acquire()` (`kind`) run in the task's own step, which
    /// only the queue (or lock, or semaphore) and the task can see, kept
    /// inline like a sleep's: the waiters hold the task's number and
    /// `serial` instead (`QueueWaiter::Task`), and waking or cancelling it
    /// queues the task's wake-up
    /// (`Ready::SleepWakeup`), as the future's one done callback would.
    /// Nothing in it needs dropping (a cancel message waits in
    /// `Vm::queue_cancel_messages`): a `Waiter` stays 40 bytes, its kind
    /// read from one byte, as with sleeps alone.
    Queue {
        kind: KeptWait,
        serial: u64,
        state: QueueWaitState,
    },
}

/// What a wait kept in its task (`Waiter::Queue`) waits in: a queue's
/// getters or putters, or a lock's or a semaphore's waiters.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeptWait {
    QueueGet,
    QueuePut,
    Lock,
    Semaphore,
}

impl KeptWait {
    /// What the page shows the task waiting for.
    pub(crate) fn wait_on(self) -> WaitOn {
        match self {
            KeptWait::QueueGet => WaitOn::QueueGet,
            KeptWait::QueuePut => WaitOn::QueuePut,
            KeptWait::Lock => WaitOn::Lock,
            KeptWait::Semaphore => WaitOn::Semaphore,
        }
    }
}

/// The state of a queue's waiter kept in its task (`Waiter::Queue`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum QueueWaitState {
    Pending,
    /// `set_result(None)` (`Queue._wakeup_next`), or `set_result(True)`
    /// (`Lock._wake_up_first`, `Semaphore._wake_up_next`).
    Done,
    /// `cancel()`; `cancel(msg)` also left `msg` in `Vm::queue_cancel_messages`.
    Cancelled,
}

/// A waiter in a queue's `_getters` or `_putters`, or a lock's or a
/// semaphore's `_waiters`.
#[derive(Clone)]
pub(crate) enum QueueWaiter {
    /// A future, when the coroutine waits outside a task's own step.
    Future(FutRef),
    /// The future of the wait numbered `serial` of the task numbered `task`
    /// (its index in `Vm::tasks`), kept in the task (`Waiter::Queue`): done
    /// unless the task still waits on it.
    Task { task: u32, serial: u64 },
}

/// The state of a sleep's future.
pub(crate) enum SleepState {
    Pending,
    /// Its timer fired (`_set_result_unless_cancelled`).
    Done,
    /// `cancel(msg)`.
    Cancelled(Option<Value>),
}

impl QueueWaiter {
    /// The same waiter (`is`).
    pub(crate) fn same(&self, other: &QueueWaiter) -> bool {
        match (self, other) {
            (QueueWaiter::Future(a), QueueWaiter::Future(b)) => Rc::ptr_eq(a, b),
            (QueueWaiter::Task { task, serial }, QueueWaiter::Task { task: t, serial: s }) => {
                task == t && serial == s
            }
            _ => false,
        }
    }
}

impl Waiter {
    /// What the page shows the task waiting for.
    pub(crate) fn waits_on(&self) -> Option<WaitOn> {
        match self {
            Waiter::None => None,
            Waiter::Future(f) => Some(f.borrow().waits_on),
            Waiter::Sleep { until, .. } => Some(WaitOn::Sleep { until: *until }),
            Waiter::Queue { kind, .. } => Some(kind.wait_on()),
        }
    }
}

/// What makes a Future a Task.
pub(crate) struct TaskData {
    /// Index in the trace's task table (creation order).
    pub(crate) id: u32,
    pub(crate) name: OwnName,
    /// The coroutine's function name (`fetch`).
    pub(crate) func: Rc<str>,
    /// The coroutine's frames, innermost last; taken out while the task runs.
    pub(crate) frames: Vec<Frame>,
    /// Instead of `frames`, before the task's first step and after it if it
    /// ended waiting with its coroutine's frame alone (nearly every task):
    /// its one frame, with no stack of its own (see `stage`). A gather tree
    /// makes 100,000 tasks that wait once each.
    pub(crate) frame: Option<Frame>,
    /// Where the task's frames are (`Task.__step` has started it once it
    /// is past `New`).
    pub(crate) stage: TaskStage,
    /// The line `frames` are at (kept with them: a wake-up reads it without
    /// walking the frames).
    pub(crate) line: u32,
    /// The source offset of the innermost Python frame that `line` is the
    /// line of: a task that waits at the same `await` again needs no new
    /// look-up of its line.
    pub(crate) line_at: Option<u32>,
    /// `Task._fut_waiter`: what the task waits for.
    pub(crate) waiter: Waiter,
    pub(crate) must_cancel: bool,
    pub(crate) num_cancels_requested: u32,
}

/// Where a task's frames are: in `TaskData::frame` before its first step
/// and while it waits after a first step that ended with that one frame,
/// run on a spare stack of the VM's meanwhile (`Vm::task_stack`); in its
/// own stack (`TaskData::frames`) once a step ended otherwise, as every
/// step of a task that runs many does, at no cost of copying.
#[derive(Clone, Copy)]
pub(crate) enum TaskStage {
    /// Not started: its coroutine's frame is in `frame`.
    New,
    /// Its first step ended waiting; its one frame is in `frame`.
    Waited,
    /// A step is running on a spare stack (from `New`: its first).
    OnSpare { first: bool },
    /// Its frames are in `frames`.
    Own,
}

impl TaskStage {
    /// Whether the task's one frame is inline (`New` or `Waited`): its next
    /// step runs on a spare stack.
    #[inline(always)]
    pub(crate) fn frame_inline(self) -> bool {
        matches!(self, TaskStage::New | TaskStage::Waited)
    }
}

/// A task's name as the task holds it (`get_name()`, its repr read it as a
/// `str`): a given name, or `Task-N` written out on first use only (see
/// `trace::TaskName`). A given name is shared with the trace's task table.
pub(crate) struct OwnName {
    number: u64,
    text: OnceCell<Arc<str>>,
}

impl OwnName {
    /// `Task-N`.
    pub(crate) fn numbered(number: u64) -> OwnName {
        OwnName {
            number,
            text: OnceCell::new(),
        }
    }

    pub(crate) fn given(name: Arc<str>) -> OwnName {
        OwnName {
            number: 0,
            text: OnceCell::from(name),
        }
    }

    /// The same name as the trace's task table holds it.
    pub(crate) fn to_task_name(&self) -> TaskName {
        match self.text.get() {
            Some(text) => TaskName::Given(text.clone()),
            None => TaskName::Numbered(self.number),
        }
    }
}

impl Deref for OwnName {
    type Target = str;

    fn deref(&self) -> &str {
        // `set` then `get` rather than `get_or_init`, whose panic on a
        // reentrant initialisation (which cannot happen here) would cost the
        // page's download a few hundred bytes.
        if self.text.get().is_none() {
            let text = TaskName::Numbered(self.number).to_string();
            let _ = self.text.set(Arc::from(text));
        }
        self.text.get().map_or("", |text| text)
    }
}

impl fmt::Display for OwnName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Future {
    pub(crate) fn new(waits_on: WaitOn) -> FutRef {
        Rc::new(RefCell::new(Future::blank(waits_on)))
    }

    /// A pending future with no callbacks.
    pub(crate) fn blank(waits_on: WaitOn) -> Future {
        Future {
            state: FutState::Pending,
            callbacks: smallvec::SmallVec::new(),
            cancelled: None,
            log_traceback: false,
            waits_on,
            task: None,
            children: None,
            cancel_requested: false,
            gather_left: 0,
            return_exceptions: false,
        }
    }

    /// Back to `blank(WaitOn::Future)` in place (with a task's data inline a
    /// Future is big to move): what it held is dropped field by field in
    /// the order they are declared, as dropping it would.
    pub(crate) fn reset(&mut self) {
        self.state = FutState::Pending;
        self.callbacks.clear();
        self.cancelled = None;
        self.log_traceback = false;
        self.waits_on = WaitOn::Future;
        // A recycled future is never a task (tasks stay in `Vm::tasks`):
        // tested here rather than in the out-of-line drop of a task's data.
        if self.task.is_some() {
            self.task = None;
        }
        self.children = None;
        self.cancel_requested = false;
        self.gather_left = 0;
        self.return_exceptions = false;
    }

    /// `cancel(msg)`'s message, if it was cancelled with one.
    pub(crate) fn cancel_message(&self) -> Option<&Value> {
        self.cancelled.as_ref()?.message.as_ref()
    }

    /// Keep `msg` as the cancellation's message (`None`: none).
    pub(crate) fn set_cancel_message(&mut self, msg: Option<Value>) {
        self.cancelled.get_or_insert_with(Default::default).message = msg;
    }

    /// Keep the `CancelledError` a task's coroutine raised.
    pub(crate) fn set_cancelled_exc(&mut self, e: ExcRef) {
        self.cancelled.get_or_insert_with(Default::default).exc = Some(e);
    }

    /// The `CancelledError` a task's coroutine raised, taken.
    pub(crate) fn take_cancelled_exc(&mut self) -> Option<ExcRef> {
        self.cancelled.as_mut()?.exc.take()
    }

    pub(crate) fn done(&self) -> bool {
        !matches!(self.state, FutState::Pending)
    }

    pub(crate) fn cancelled(&self) -> bool {
        matches!(self.state, FutState::Cancelled)
    }

    pub(crate) fn task_id(&self) -> Option<u32> {
        self.task.as_ref().map(|t| t.id)
    }
}

/// The kinds of asyncio (and executor) objects beyond futures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum AsyncKind {
    Lock,
    Event,
    Condition,
    Semaphore,
    BoundedSemaphore,
    Queue,
    TaskGroup,
    Timeout,
    Loop,
    Handle,
    ThreadPoolExecutor,
    ProcessPoolExecutor,
}

impl AsyncKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            AsyncKind::Lock => "Lock",
            AsyncKind::Event => "Event",
            AsyncKind::Condition => "Condition",
            AsyncKind::Semaphore => "Semaphore",
            AsyncKind::BoundedSemaphore => "BoundedSemaphore",
            AsyncKind::Queue => "Queue",
            AsyncKind::TaskGroup => "TaskGroup",
            AsyncKind::Timeout => "Timeout",
            AsyncKind::Loop => "_UnixSelectorEventLoop",
            AsyncKind::Handle => "TimerHandle",
            AsyncKind::ThreadPoolExecutor => "ThreadPoolExecutor",
            AsyncKind::ProcessPoolExecutor => "ProcessPoolExecutor",
        }
    }
}

pub(crate) struct LockState {
    pub(crate) locked: bool,
    pub(crate) waiters: VecDeque<QueueWaiter>,
}

pub(crate) struct SemState {
    pub(crate) value: i64,
    pub(crate) bound: Option<i64>,
    pub(crate) waiters: VecDeque<QueueWaiter>,
}

pub(crate) struct EventState {
    pub(crate) value: bool,
    pub(crate) waiters: VecDeque<FutRef>,
}

pub(crate) struct QueueState {
    pub(crate) maxsize: i64,
    pub(crate) items: VecDeque<Value>,
    pub(crate) getters: VecDeque<QueueWaiter>,
    pub(crate) putters: VecDeque<QueueWaiter>,
    pub(crate) unfinished: i64,
    pub(crate) finished: Rc<AsyncObj>,
}

impl QueueState {
    pub(crate) fn full(&self) -> bool {
        self.maxsize > 0 && self.items.len() as i64 >= self.maxsize
    }

    /// The putters (`put`) or the getters.
    #[inline]
    pub(crate) fn waiters(&mut self, put: bool) -> &mut VecDeque<QueueWaiter> {
        if put {
            &mut self.putters
        } else {
            &mut self.getters
        }
    }
}

pub(crate) struct TaskGroupState {
    pub(crate) entered: bool,
    pub(crate) exiting: bool,
    pub(crate) aborting: bool,
    pub(crate) parent: Option<FutRef>,
    pub(crate) parent_cancel_requested: bool,
    /// Live child tasks in creation order (CPython uses a set; SPEC §2.5: creation order).
    pub(crate) tasks: Vec<FutRef>,
    pub(crate) errors: Vec<ExcRef>,
    pub(crate) base_error: Option<ExcRef>,
    pub(crate) on_completed: Option<FutRef>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TimeoutPhase {
    Created,
    Entered,
    Expiring,
    Expired,
    Exited,
}

pub(crate) struct TimeoutState {
    pub(crate) phase: TimeoutPhase,
    pub(crate) when: Option<f64>,
    pub(crate) handle: Option<crate::asyncio::event_loop::TimerRef>,
    pub(crate) task: Option<FutRef>,
    pub(crate) cancelling: u32,
}

/// The repr of a lock, event, condition or semaphore named `name`, in
/// `state`, with its waiters' count when it has some.
fn lock_repr(name: &str, state: &str, value: Option<i64>, waiters: usize) -> String {
    let mut out = String::from("<asyncio.locks.");
    out.push_str(name);
    out.push_str(" object [");
    out.push_str(state);
    if let Some(v) = value {
        out.push_str(", value:");
        push_int(&mut out, v);
    }
    if waiters > 0 {
        out.push_str(", waiters:");
        push_int(&mut out, waiters as i64);
    }
    out.push_str("]>");
    out
}

/// An asyncio object other than a future, behind one `Rc`.
pub(crate) enum AsyncObj {
    Lock(RefCell<LockState>),
    Event(RefCell<EventState>),
    /// A Condition owns its lock.
    Condition {
        lock: Rc<AsyncObj>,
        waiters: RefCell<VecDeque<FutRef>>,
    },
    Semaphore(RefCell<SemState>),
    Queue(RefCell<QueueState>),
    TaskGroup(RefCell<TaskGroupState>),
    Timeout(RefCell<TimeoutState>),
    /// `asyncio.get_running_loop()`.
    Loop,
    /// A `concurrent.futures` executor: its index in the machine, and whether it runs processes.
    Executor(u32, bool),
    /// A handle returned by `loop.call_later`/`call_soon`: its cancelled flag.
    Handle(crate::asyncio::event_loop::TimerRef, Option<f64>),
}

impl AsyncObj {
    pub(crate) fn kind(&self) -> AsyncKind {
        match self {
            AsyncObj::Lock(_) => AsyncKind::Lock,
            AsyncObj::Event(_) => AsyncKind::Event,
            AsyncObj::Condition { .. } => AsyncKind::Condition,
            AsyncObj::Semaphore(s) => {
                if s.borrow().bound.is_some() {
                    AsyncKind::BoundedSemaphore
                } else {
                    AsyncKind::Semaphore
                }
            }
            AsyncObj::Queue(_) => AsyncKind::Queue,
            AsyncObj::TaskGroup(_) => AsyncKind::TaskGroup,
            AsyncObj::Timeout(_) => AsyncKind::Timeout,
            AsyncObj::Loop => AsyncKind::Loop,
            AsyncObj::Handle(..) => AsyncKind::Handle,
            AsyncObj::Executor(_, false) => AsyncKind::ThreadPoolExecutor,
            AsyncObj::Executor(_, true) => AsyncKind::ProcessPoolExecutor,
        }
    }

    /// The object's repr as CPython's, without the address (`<asyncio.locks.Lock
    /// object [locked, waiters:1]>`); a queue's is its `str`, which CPython
    /// prints with `print` (`<Queue maxsize=2 _queue=[1] tasks=1>`).
    pub(crate) fn repr(&self) -> String {
        match self {
            AsyncObj::Lock(l) => {
                let l = l.borrow();
                let state = if l.locked { "locked" } else { "unlocked" };
                lock_repr("Lock", state, None, l.waiters.len())
            }
            AsyncObj::Event(e) => {
                let e = e.borrow();
                let state = if e.value { "set" } else { "unset" };
                lock_repr("Event", state, None, e.waiters.len())
            }
            AsyncObj::Condition { lock, waiters } => {
                let locked = matches!(&**lock, AsyncObj::Lock(l) if l.borrow().locked);
                let state = if locked { "locked" } else { "unlocked" };
                lock_repr("Condition", state, None, waiters.borrow().len())
            }
            AsyncObj::Semaphore(s) => {
                let s = s.borrow();
                // `locked()`: no value left, or a waiter that is not
                // cancelled. A waiter reads as not cancelled here, which
                // it is except between its task's `cancel()` and the
                // task's next step, when it leaves the waiters.
                let locked = s.value == 0 || !s.waiters.is_empty();
                let (state, value) = if locked {
                    ("locked", None)
                } else {
                    ("unlocked", Some(s.value))
                };
                lock_repr(self.kind().name(), state, value, s.waiters.len())
            }
            AsyncObj::Queue(q) => {
                // `Queue._format`: each part only when it is not empty.
                let q = q.borrow();
                let mut out = String::from("<Queue maxsize=");
                push_int(&mut out, q.maxsize);
                if !q.items.is_empty() {
                    out.push_str(" _queue=");
                    out.push_str(&repr(&Value::list(q.items.iter().cloned().collect())));
                }
                for (part, n) in [
                    (" _getters[", q.getters.len()),
                    (" _putters[", q.putters.len()),
                ] {
                    if n > 0 {
                        out.push_str(part);
                        push_int(&mut out, n as i64);
                        out.push(']');
                    }
                }
                if q.unfinished != 0 {
                    out.push_str(" tasks=");
                    push_int(&mut out, q.unfinished);
                }
                out.push('>');
                out
            }
            other => format!("<{} object>", other.kind().name()),
        }
    }
}
