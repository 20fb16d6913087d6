//! The trace: every scheduling event of a run, versioned plain data, plus `state_at(step)`.
//!
//! Events are appended on the hot path as small `Copy` records; strings (task
//! names, printed text, results) live once in side tables. After the run,
//! Checkpoints (every task's state every `interval` events) are built as the
//! run goes (`index`, after each slice of a session) and completed by
//! `finish`, so a seek replays at most `interval` events; `interval` grows
//! with the number of tasks so that checkpoints cost a fraction of the memory
//! of the events they cover.

mod digest;
mod explain;
mod invariants;
mod log;
mod summary;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

pub use explain::{explain, waits_on_label};
pub use log::EventLog;
pub use summary::{Summary, TaskTimes};

/// Bumped whenever the shape of the serialized trace changes.
pub const TRACE_VERSION: u32 = 2;

/// Checkpoints are `CHECKPOINT_SPACING × tasks` events apart (within
/// [2¹², 2¹⁶]): a checkpoint holds every task's state (28 bytes each,
/// packed), so checkpoints cost about a quarter of the memory of the events
/// they cover (16 bytes each; at 4 × tasks, with the events shrunk from 24
/// bytes, they had grown to nearly half), and a seek replays at most 2¹⁶
/// events (well under a millisecond). With few tasks a checkpoint is cheap
/// to store but not to make (its pending timers are sorted): replaying 2¹²
/// events costs a seek a few tens of microseconds, and checkpoints every
/// 2¹⁰ events were a sixth of the indexing of a run of 100 tasks.
const CHECKPOINT_SPACING: u32 = 8;

/// Marks "no task" in `Event::task`.
pub const NO_TASK: u32 = u32::MAX;

/// What a waiting task waits for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WaitOn {
    /// A plain future created by the program or the runtime.
    Future,
    Sleep {
        until: f64,
    },
    Task {
        task: u32,
    },
    Gather {
        children: u32,
    },
    Lock,
    Semaphore,
    Event,
    Condition,
    QueueGet,
    QueuePut,
    QueueJoin,
    WaitFor {
        until: f64,
    },
    Wait {
        tasks: u32,
    },
    AsCompleted,
    Shield,
    TaskGroup {
        tasks: u32,
    },
    /// Internal bookkeeping futures (shutdown, cancel-and-wait).
    Cancellation,
    /// A function running in a thread pool (`to_thread`, `run_in_executor`).
    ThreadPool,
    /// A function running in a process pool.
    ProcessPool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// `time.sleep` on the loop thread.
    Sleep,
    /// The playground builtin `cpu(seconds)`.
    Cpu,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Returned,
    Raised,
    Cancelled,
}

/// `repr(u8)`: its variant is a plain byte, which packing an event (once
/// an event of a run) reads and dispatches on at once, where the default
/// layout hid it in the niche of `WaitOn`'s and `ThreadState`'s tags.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[repr(u8)]
pub enum EventKind {
    /// A task was created; its first step is queued.
    Created {
        parent: u32,
    },
    /// A step of the task (first step, wake-up, or after `sleep(0)`) joined the ready queue.
    Ready,
    /// The task's step started running on the loop thread.
    Running,
    /// The task's step ended waiting on something.
    Waiting {
        on: WaitOn,
    },
    /// The running task blocks the loop thread until `until`.
    Blocking {
        what: BlockKind,
        until: f64,
    },
    Done {
        outcome: Outcome,
    },
    /// A line of output (index into `Trace::output`).
    Print {
        line: u32,
    },
    /// The loop had nothing ready and the clock jumped to the next timer.
    ClockJump {
        from: f64,
    },
    /// A warning (index into `Trace::warnings`).
    Warning {
        index: u32,
    },
    /// A thread's state changed (`Trace::threads` names the threads).
    Thread {
        thread: u32,
        state: crate::machine::ThreadState,
        /// The Python function the thread is in (index into
        /// `Trace::functions`), `NO_FUNCTION` if none.
        function: u32,
    },
    /// Work items waiting in an executor's queue (`Trace::pools` names the executors).
    PoolQueue {
        pool: u32,
        queued: u32,
    },
}

/// `EventKind::Thread::function` when the thread is in no Python function.
pub const NO_FUNCTION: u32 = u32::MAX;

/// One step of the trace.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Virtual time, seconds.
    pub t: f64,
    /// Loop pass (`_run_once` count) the event happened in.
    pub iter: u32,
    /// The task concerned, or `NO_TASK`.
    pub task: u32,
    /// 1-based source line of the task (or of the code running), 0 if none.
    pub line: u32,
    pub kind: EventKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskInfo {
    pub id: u32,
    /// `Task-3` or the `name=` given (read it through `name()`).
    pub(crate) name: TaskName,
    /// The coroutine's function (`fetch`), shared by its tasks.
    pub func: Arc<str>,
    pub created_step: u32,
    pub parent: u32,
    /// How it ended, `repr` of the result or `Name: message` of the
    /// exception (read it through `result()`).
    pub(crate) result: Option<(Outcome, TaskResult)>,
}

impl TaskInfo {
    /// `Task-3` or the `name=` given.
    pub fn name(&self) -> impl fmt::Display + '_ {
        &self.name
    }

    /// How it ended and its result's text: `repr` of what it returned,
    /// `Name: message` of what it raised, or `cancelled`.
    pub fn result(&self) -> Option<(Outcome, impl fmt::Display + '_)> {
        self.result.as_ref().map(|(outcome, text)| (*outcome, text))
    }

    /// The label a card shows: `fetch · Task-3`.
    pub fn label(&self) -> String {
        format!("{} · {}", self.func, self.name)
    }
}

/// A task's name. The default one is kept as its number and written out
/// only when read (`Display`): a tree of 100,000 tasks shows almost none,
/// and formatting each cost an allocation. It serializes as its text.
#[derive(Clone, Debug)]
pub(crate) enum TaskName {
    /// `Task-N`.
    Numbered(u64),
    /// The `name=` given, or `set_name`'s.
    Given(Arc<str>),
}

impl fmt::Display for TaskName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskName::Numbered(n) => write!(f, "Task-{n}"),
            TaskName::Given(s) => f.write_str(s),
        }
    }
}

/// Equal when they read the same (`Given("Task-2")` is `Numbered(2)`).
impl PartialEq for TaskName {
    fn eq(&self, other: &TaskName) -> bool {
        self.to_string() == other.to_string()
    }
}

impl From<&str> for TaskName {
    fn from(s: &str) -> TaskName {
        TaskName::Given(Arc::from(s))
    }
}

impl From<String> for TaskName {
    fn from(s: String) -> TaskName {
        TaskName::Given(Arc::from(s))
    }
}

impl Serialize for TaskName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TaskName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TaskName, D::Error> {
        String::deserialize(d).map(TaskName::from)
    }
}

/// What a finished task's result reads as: `repr` of what it returned,
/// `Name: message` of what it raised, or `cancelled`. The commonest results
/// (a gather tree's ints, `None`) are kept as they are and written out only
/// when read (`Display`), as almost none is shown; anything else is written
/// out when the task ends (a list could change afterwards). It serializes
/// as its text.
#[derive(Clone, Debug)]
pub(crate) enum TaskResult {
    None,
    Int(i64),
    Cancelled,
    Text(String),
}

impl fmt::Display for TaskResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskResult::None => f.write_str("None"),
            TaskResult::Int(i) => write!(f, "{i}"),
            TaskResult::Cancelled => f.write_str("cancelled"),
            TaskResult::Text(s) => f.write_str(s),
        }
    }
}

/// Equal when they read the same (`Text("None")` is `None`).
impl PartialEq for TaskResult {
    fn eq(&self, other: &TaskResult) -> bool {
        self.to_string() == other.to_string()
    }
}

impl From<&str> for TaskResult {
    fn from(s: &str) -> TaskResult {
        TaskResult::Text(s.to_string())
    }
}

impl Serialize for TaskResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TaskResult {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TaskResult, D::Error> {
        String::deserialize(d).map(TaskResult::Text)
    }
}

/// What a timer is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimerKind {
    /// `asyncio.sleep`'s wake-up.
    Sleep,
    /// A deadline: `wait_for`, `asyncio.timeout`, `wait(timeout=)`, `as_completed(timeout=)`.
    Timeout,
    /// `loop.call_later`/`call_at` with the program's own callback.
    Callback,
}

/// A timer of the loop's heap: pending from event `added` until event `ended`
/// (when it fired into the ready queue or was cancelled; `u32::MAX` if never).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimerRecord {
    pub due: f64,
    pub added: u32,
    pub ended: u32,
    /// The task that scheduled it, or `NO_TASK`.
    pub task: u32,
    pub kind: TimerKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputLine {
    pub t: f64,
    pub step: u32,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub line: u32,
    pub message: String,
}

/// How the run ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RunEnd {
    Ok,
    /// `SystemExit(code)`.
    Exit {
        code: i32,
    },
    /// An uncaught exception: the last traceback line and the line it was raised at.
    Exception {
        message: String,
        line: u32,
    },
    Deadlock {
        stuck: Vec<(u32, String)>,
    },
    Limit {
        message: String,
    },
}

/// The lane a task card is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lane {
    /// Not created yet at this step.
    Unborn,
    Running,
    Ready,
    Waiting,
    Done,
}

/// One task's state at a step.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskState {
    pub lane: Lane,
    /// Set while waiting.
    pub waits_on: Option<WaitOn>,
    /// Set while running and blocking the loop thread.
    pub blocking: Option<(BlockKind, f64)>,
    pub line: u32,
    /// The step at which it entered the ready lane (orders the ready queue).
    pub since: u32,
    pub outcome: Option<Outcome>,
}

/// The replay of decoded events, one task at a time: the reference the
/// tests check `Trace::state_at` (which replays packed records) against.
#[cfg(test)]
impl TaskState {
    const UNBORN: TaskState = TaskState {
        lane: Lane::Unborn,
        waits_on: None,
        blocking: None,
        line: 0,
        since: 0,
        outcome: None,
    };

    fn apply(&mut self, step: u32, e: &Event) {
        if e.line != 0 {
            self.line = e.line;
        }
        match e.kind {
            EventKind::Created { .. } | EventKind::Ready => {
                self.lane = Lane::Ready;
                self.waits_on = None;
                self.since = step;
            }
            EventKind::Running => {
                self.lane = Lane::Running;
                self.waits_on = None;
                self.blocking = None;
            }
            EventKind::Waiting { on } => {
                self.lane = Lane::Waiting;
                self.waits_on = Some(on);
                self.blocking = None;
            }
            EventKind::Blocking { what, until } => self.blocking = Some((what, until)),
            EventKind::Done { outcome } => {
                self.lane = Lane::Done;
                self.outcome = Some(outcome);
                self.blocking = None;
                self.waits_on = None;
            }
            EventKind::Print { .. }
            | EventKind::ClockJump { .. }
            | EventKind::Warning { .. }
            | EventKind::Thread { .. }
            | EventKind::PoolQueue { .. } => {}
        }
    }
}

/// Where a thread is: the function it runs and its line (0: none).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ThreadSpot {
    pub line: u32,
    pub function: Option<String>,
}

/// Every task's state after a given step, for the page to draw.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    /// Number of events applied (0 = the start, before any event).
    pub step: u32,
    pub t: f64,
    pub iter: u32,
    pub tasks: Vec<TaskState>,
    /// Task ids in the ready lane, in queue order.
    pub ready: Vec<u32>,
    /// Lines of output printed so far.
    pub output_len: u32,
    /// Pending timers (indices into `Trace::timers`) in the order they will fire.
    pub timers: Vec<u32>,
    /// Every thread's state (empty while the loop runs alone).
    pub threads: Vec<crate::machine::ThreadState>,
    /// Where each thread is: its function and line (from its latest thread event).
    pub thread_spots: Vec<ThreadSpot>,
    /// Work items queued in each executor.
    pub pool_queues: Vec<u32>,
}

/// Whether timer `a` fires before timer `b`: by due time, then scheduling order.
fn fires_before(timers: &[TimerRecord], a: u32, b: u32) -> std::cmp::Ordering {
    let due = |t: u32| timers.get(t as usize).map_or(f64::INFINITY, |r| r.due);
    due(a).total_cmp(&due(b)).then(a.cmp(&b))
}

fn sort_by_firing(timers: &[TimerRecord], list: &mut [u32]) {
    // The ids themselves are what is sorted (no permutation to apply).
    let mut ids: Vec<usize> = list.iter().map(|&t| t as usize).collect();
    crate::sort::timsort(&mut ids, &mut |a, b| {
        Some(fires_before(timers, a as u32, b as u32).is_lt())
    });
    for (slot, id) in list.iter_mut().zip(ids) {
        *slot = id as u32;
    }
}

/// Two lists in firing order, merged.
fn merge_by_firing(timers: &[TimerRecord], a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if fires_before(timers, a[i], b[j]).is_le() {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Events between checkpoints once there are `tasks` tasks.
fn checkpoint_interval(tasks: usize) -> u32 {
    (tasks as u32)
        .saturating_mul(CHECKPOINT_SPACING)
        .clamp(1 << 12, 1 << 16)
}

/// Where the checkpointing of a growing trace stands.
#[derive(Clone, Debug, Default)]
struct Indexer {
    /// Every task's state and lane times after the first `applied` events.
    tasks: Vec<IndexedTask>,
    /// The rest of the state after them.
    others: Others,
    applied: usize,
    /// Timers pending at the last checkpoint, in firing order, and the first
    /// timer not looked at yet.
    pending: Vec<u32>,
    next_timer: usize,
    summary: summary::SummaryBuilder,
}

impl Indexer {
    /// Make room for the tasks, threads and pools the trace has now.
    fn grow(&mut self, trace: &Trace) {
        self.tasks.resize(trace.tasks.len(), IndexedTask::UNBORN);
        self.others.grow(trace);
    }

    /// The state after the events applied, for a checkpoint. The tasks not
    /// created yet, the last ones (tasks are numbered as they are created),
    /// are left out: `Replayed::grow` makes them again, unborn. (A gather
    /// tree that creates 111,111 tasks is a quarter of the way through its
    /// run before the last of them exists.)
    fn replayed(&self) -> Replayed {
        let born = self
            .tasks
            .iter()
            .rposition(|t| t.state.lane != LANE_UNBORN)
            .map_or(0, |last| last + 1);
        Replayed {
            tasks: self.tasks.iter().take(born).map(|t| t.state).collect(),
            others: self.others.clone(),
        }
    }

    /// Apply event number `step` (record `p`, at time `t`) to the state and
    /// count it in the summary: the task looked up once for both, and one
    /// `match` on the kind whose arms each do what they know the kind to
    /// be (this runs once an event; a match for the state and another for
    /// the summary, or the state and the clocks in two lists, cost a third
    /// more).
    #[inline]
    fn apply(&mut self, step: u32, p: &log::Packed, t: f64, events: &EventLog) {
        let Some(task) = self.tasks.get_mut(p.task as usize) else {
            return self.apply_loop(p, t, events);
        };
        let (s, clock) = (&mut task.state, &mut task.clock);
        s.take_line(p);
        // The kinds that move a task between lanes end its time in the lane
        // it was in.
        match p.kind() {
            log::READY | log::CREATED => {
                clock.lap(s.lane, t);
                s.become_ready(step);
            }
            log::RUNNING => {
                clock.lap(s.lane, t);
                s.become_running();
            }
            log::WAITING => {
                clock.lap(s.lane, t);
                s.become_waiting(p);
                self.summary.waiting(p, t);
            }
            log::DONE => {
                clock.lap(s.lane, t);
                s.become_done(p);
            }
            log::BLOCKING => {
                s.start_blocking(p);
                self.summary.blocking(p, t);
            }
            _ => self.others.apply(p, events),
        }
    }

    /// `apply` for a record about no task.
    #[cold]
    fn apply_loop(&mut self, p: &log::Packed, t: f64, events: &EventLog) {
        match p.kind() {
            log::WAITING => self.summary.waiting(p, t),
            log::BLOCKING => self.summary.blocking(p, t),
            _ => self.others.apply(p, events),
        }
    }

    /// The timers pending at `step` (at or after the previous call's step),
    /// in firing order.
    fn pending_at(&mut self, timers: &[TimerRecord], step: u32) -> Vec<u32> {
        self.pending
            .retain(|&t| timers.get(t as usize).is_some_and(|t| t.ended > step));
        while let Some(t) = timers.get(self.next_timer).filter(|t| t.added <= step) {
            if t.ended > step {
                self.pending.push(self.next_timer as u32);
            }
            self.next_timer += 1;
        }
        // Those left from the previous call are still in firing order, a run
        // that timsort takes whole: only those scheduled since sort in.
        sort_by_firing(timers, &mut self.pending);
        self.pending.clone()
    }
}

/// A task as the indexer keeps it: its state and its lane times side by
/// side, so that one look-up finds both, in one cache line.
#[derive(Clone, Copy, Debug)]
#[repr(align(64))]
struct IndexedTask {
    state: PackedTask,
    clock: summary::TaskClock,
}

const _: () = assert!(std::mem::size_of::<IndexedTask>() == 64);

impl IndexedTask {
    const UNBORN: IndexedTask = IndexedTask {
        state: PackedTask::UNBORN,
        clock: summary::TaskClock::ZERO,
    };
}

#[derive(Clone, Debug)]
struct Checkpoint {
    step: u32,
    state: Replayed,
    timers: Vec<u32>,
}

/// A `TaskState` as replaying keeps it: 28 bytes instead of 48, so
/// checkpoints can be closer for the same memory, and updated from the event
/// log's records without decoding them.
#[derive(Clone, Copy, Debug)]
struct PackedTask {
    line: u32,
    since: u32,
    /// The operands of the waiting record (a time's bits, or an integer
    /// and 0, as `log::Packed` holds them): copied as they are, whatever
    /// the wait, and 4-byte aligned where an `f64` would pad the struct.
    wait_operands: [u32; 2],
    /// The operands of the blocking record: its end's bits.
    block_operands: [u32; 2],
    lane: u8,
    /// 0: none, else `Outcome` code + 1.
    outcome: u8,
    /// 0: not waiting, else the `WaitOn` code (never 0).
    wait: u8,
    /// 0: not blocking, else `BlockKind` code + 1.
    block: u8,
}

impl PackedTask {
    const UNBORN: PackedTask = PackedTask {
        line: 0,
        since: 0,
        wait_operands: [0; 2],
        block_operands: [0; 2],
        lane: LANE_UNBORN,
        outcome: 0,
        wait: 0,
        block: 0,
    };

    /// Apply event number `step` (a record about this task); what
    /// `TaskState::apply` does with the decoded event.
    #[inline]
    fn apply(&mut self, step: u32, p: &log::Packed) {
        self.take_line(p);
        match p.kind() {
            log::CREATED | log::READY => self.become_ready(step),
            log::RUNNING => self.become_running(),
            log::WAITING => self.become_waiting(p),
            log::BLOCKING => self.start_blocking(p),
            log::DONE => self.become_done(p),
            _ => {}
        }
    }

    // What `apply` does with a record of each kind (the indexer, which
    // does more with each, calls them itself).

    /// The line of any record about the task, if it has one.
    #[inline]
    fn take_line(&mut self, p: &log::Packed) {
        let line = p.line();
        if line != 0 {
            self.line = line;
        }
    }

    /// A created or ready record, event number `step`.
    #[inline]
    fn become_ready(&mut self, step: u32) {
        self.lane = LANE_READY;
        self.wait = 0;
        self.since = step;
    }

    #[inline]
    fn become_running(&mut self) {
        self.lane = LANE_RUNNING;
        self.wait = 0;
        self.block = 0;
    }

    #[inline]
    fn become_waiting(&mut self, p: &log::Packed) {
        self.lane = LANE_WAITING;
        self.wait = p.sub();
        self.wait_operands = [p.a, p.b];
        self.block = 0;
    }

    #[inline]
    fn start_blocking(&mut self, p: &log::Packed) {
        self.block = p.sub() + 1;
        self.block_operands = [p.a, p.b];
    }

    #[inline]
    fn become_done(&mut self, p: &log::Packed) {
        self.lane = LANE_DONE;
        self.outcome = p.sub() + 1;
        self.block = 0;
        self.wait = 0;
    }

    fn lane(&self) -> Lane {
        match self.lane {
            LANE_RUNNING => Lane::Running,
            LANE_READY => Lane::Ready,
            LANE_WAITING => Lane::Waiting,
            LANE_DONE => Lane::Done,
            _ => Lane::Unborn,
        }
    }

    #[cfg(test)]
    fn pack(s: &TaskState) -> PackedTask {
        let (wait, wait_arg, wait_until) = match s.waits_on {
            Some(on) => log::split_wait(on),
            None => (0, 0, None),
        };
        let (block, block_until) = match s.blocking {
            Some((what, until)) => (log::block_code(what) + 1, until),
            None => (0, 0.0),
        };
        let (a, b) = wait_until.map_or((wait_arg, 0), log::time_operands);
        let (block_a, block_b) = log::time_operands(block_until);
        PackedTask {
            line: s.line,
            since: s.since,
            wait_operands: [a, b],
            block_operands: [block_a, block_b],
            lane: match s.lane {
                Lane::Unborn => LANE_UNBORN,
                Lane::Running => LANE_RUNNING,
                Lane::Ready => LANE_READY,
                Lane::Waiting => LANE_WAITING,
                Lane::Done => LANE_DONE,
            },
            outcome: s.outcome.map_or(0, |o| log::outcome_code(o) + 1),
            wait,
            block,
        }
    }

    fn unpack(&self) -> TaskState {
        TaskState {
            lane: self.lane(),
            waits_on: (self.wait != 0).then(|| {
                let [a, b] = self.wait_operands;
                log::join_wait(self.wait, a, || log::time_from(a, b))
            }),
            blocking: (self.block != 0).then(|| {
                let [a, b] = self.block_operands;
                (log::block_of(self.block - 1), log::time_from(a, b))
            }),
            line: self.line,
            since: self.since,
            outcome: (self.outcome != 0).then(|| log::outcome_of(self.outcome - 1)),
        }
    }
}

// `PackedTask::lane` codes.
const LANE_UNBORN: u8 = 0;
const LANE_RUNNING: u8 = 1;
const LANE_READY: u8 = 2;
const LANE_WAITING: u8 = 3;
const LANE_DONE: u8 = 4;

/// What replaying events rebuilds (all of a snapshot but the timers): the one
/// replay step shared by `Trace::finish` and `Trace::state_at`.
#[derive(Clone, Debug)]
struct Replayed {
    tasks: Vec<PackedTask>,
    others: Others,
}

/// What replaying rebuilds besides the tasks' states.
#[derive(Clone, Debug, Default)]
struct Others {
    output_len: u32,
    threads: Vec<crate::machine::ThreadState>,
    /// Each thread's (line, index into `Trace::functions`) from its latest event.
    spots: Vec<(u32, u32)>,
    pool_queues: Vec<u32>,
}

impl Replayed {
    fn start(trace: &Trace) -> Replayed {
        let mut r = Replayed {
            tasks: Vec::new(),
            others: Others::default(),
        };
        r.grow(trace);
        r
    }

    /// Make room for the tasks, threads and pools the trace has now (those
    /// born after a checkpoint are unborn or idle in it).
    fn grow(&mut self, trace: &Trace) {
        self.tasks.resize(trace.tasks.len(), PackedTask::UNBORN);
        self.others.grow(trace);
    }

    /// Apply event number `step`, from its record.
    #[inline]
    fn apply(&mut self, step: u32, p: &log::Packed, events: &EventLog) {
        if let Some(s) = self.tasks.get_mut(p.task as usize) {
            s.apply(step, p);
        }
        // The task kinds (the most frequent by far) change nothing else.
        if p.kind() > log::DONE {
            self.others.apply(p, events);
        }
    }
}

impl Others {
    /// Make room for the threads and pools the trace has now.
    fn grow(&mut self, trace: &Trace) {
        let threads = trace.threads.len();
        self.threads
            .resize(threads, crate::machine::ThreadState::Idle);
        self.spots.resize(threads, (0, NO_FUNCTION));
        self.pool_queues.resize(trace.pools.len(), 0);
    }

    /// Apply a record of a kind that is not about a task's lane.
    fn apply(&mut self, p: &log::Packed, events: &EventLog) {
        match p.kind() {
            log::PRINT => self.output_len += 1,
            log::WIDE => {
                if let Some(EventKind::Thread {
                    thread,
                    state,
                    function,
                }) = events.wide(p)
                {
                    if let Some(t) = self.threads.get_mut(thread as usize) {
                        *t = state;
                    }
                    if let Some(s) = self.spots.get_mut(thread as usize) {
                        *s = (p.line(), function);
                    }
                }
            }
            log::POOL_QUEUE => {
                if let Some(q) = self.pool_queues.get_mut(p.a as usize) {
                    *q = p.b;
                }
            }
            _ => {}
        }
    }
}

/// The whole record of a run.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Trace {
    pub version: u32,
    pub tasks: Vec<TaskInfo>,
    /// Threads of the machine, once an executor started one (thread 0 is the loop's).
    pub threads: Vec<crate::machine::ThreadInfo>,
    /// Executors (thread and process pools), by creation.
    pub pools: Vec<String>,
    /// Qualified names of the functions worker threads ran, by first appearance.
    pub functions: Vec<String>,
    pub events: EventLog,
    /// Every timer scheduled, in scheduling order (which breaks ties of due time).
    pub timers: Vec<TimerRecord>,
    pub output: Vec<OutputLine>,
    pub warnings: Vec<Warning>,
    pub end: RunEnd,
    pub end_time: f64,
    /// The machine: CPUs and whether threads of a process share a GIL.
    pub cores: u32,
    pub gil: bool,
    pub summary: Summary,
    #[serde(skip)]
    checkpoints: Vec<Checkpoint>,
    #[serde(skip)]
    indexer: Indexer,
}

impl Default for Trace {
    fn default() -> Trace {
        Trace {
            version: TRACE_VERSION,
            tasks: Vec::new(),
            threads: Vec::new(),
            pools: Vec::new(),
            functions: Vec::new(),
            events: EventLog::default(),
            timers: Vec::new(),
            output: Vec::new(),
            warnings: Vec::new(),
            end: RunEnd::Ok,
            end_time: 0.0,
            cores: 4,
            gil: true,
            summary: Summary::default(),
            checkpoints: Vec::new(),
            indexer: Indexer::default(),
        }
    }
}

impl Trace {
    pub(crate) fn push(&mut self, e: Event) {
        self.events.push(e);
    }

    /// Complete the checkpoints and compute the summary; called once when the run ends.
    pub(crate) fn finish(&mut self) {
        self.index(true);
        let ix = &self.indexer;
        self.summary = ix.summary.summary(
            self,
            ix.tasks.iter().map(|task| (&task.clock, task.state.lane)),
        );
    }

    /// Checkpoint the events recorded since the last call. While the run goes
    /// on (`over` false) the latest event is left for the next call: a timer
    /// may still end at that very step, which a checkpoint there must know.
    pub(crate) fn index(&mut self, over: bool) {
        let mut ix = std::mem::take(&mut self.indexer);
        ix.grow(self);
        if self.checkpoints.is_empty() {
            let timers = ix.pending_at(&self.timers, 0);
            self.checkpoints.push(Checkpoint {
                step: 0,
                state: ix.replayed(),
                timers,
            });
        }
        let end = if over {
            self.events.len()
        } else {
            self.events.len().saturating_sub(1)
        };
        let interval = checkpoint_interval(self.tasks.len()) as usize;
        let from = ix.applied;
        // A checkpoint goes `interval` events after the last one, or at the
        // first step of this call if one was due where the last call
        // stopped: none goes at `end`, where a timer may still end.
        let last = self.checkpoints.last().map_or(0, |c| c.step as usize);
        let mut next = (last + interval).max(from + 1);
        let mut records = self.events.records_untimed_from(from);
        for (first, run_end, t) in self.events.runs(from, end) {
            let mut i = first;
            while i < run_end {
                let stop = run_end.min(next);
                for (step, p) in (i as u32..stop as u32).zip(&mut records) {
                    ix.apply(step, &p, t, &self.events);
                }
                i = stop;
                if i == next && i < end {
                    let timers = ix.pending_at(&self.timers, i as u32);
                    self.checkpoints.push(Checkpoint {
                        step: i as u32,
                        state: ix.replayed(),
                        timers,
                    });
                    next = i + interval;
                }
            }
        }
        ix.applied = end.max(from);
        self.indexer = ix;
    }

    /// The state after the first `step` events (clamped to the end). Cost: one
    /// checkpoint copy (O(tasks + pending timers)) plus at most the events
    /// between two checkpoints and the timers scheduled among them.
    pub fn state_at(&self, step: u32) -> Snapshot {
        let step = step.min(self.events.len() as u32);
        let checkpoint = self
            .checkpoints
            .partition_point(|c| c.step <= step)
            .checked_sub(1)
            .and_then(|k| self.checkpoints.get(k));
        let (mut state, from, mut timers) = match checkpoint {
            Some(c) => (c.state.clone(), c.step, c.timers.clone()),
            None => (Replayed::start(self), 0, Vec::new()),
        };
        state.grow(self);
        for (i, p) in (from..step).zip(self.events.records_untimed_from(from as usize)) {
            state.apply(i, &p, &self.events);
        }
        // Timers: those pending at the checkpoint that have not ended (kept
        // in firing order), merged with those scheduled since (timers are
        // recorded in scheduling order; only these few need sorting).
        timers.retain(|&t| self.timers[t as usize].ended > step);
        let first_new = self.timers.partition_point(|t| t.added <= from);
        let last_new = self.timers.partition_point(|t| t.added <= step);
        let mut new: Vec<u32> = (first_new..last_new)
            .filter(|&t| self.timers[t].ended > step)
            .map(|t| t as u32)
            .collect();
        sort_by_firing(&self.timers, &mut new);
        let timers = merge_by_firing(&self.timers, &timers, &new);
        let (t, iter) = match step
            .checked_sub(1)
            .and_then(|i| self.events.get(i as usize))
        {
            Some(e) => (e.t, e.iter),
            None => (0.0, 0),
        };
        let Replayed {
            tasks,
            others:
                Others {
                    output_len,
                    threads,
                    spots,
                    pool_queues,
                },
        } = state;
        let tasks: Vec<TaskState> = tasks.iter().map(PackedTask::unpack).collect();
        let mut ready: Vec<u32> = tasks
            .iter()
            .enumerate()
            .filter(|(_, s)| s.lane == Lane::Ready)
            .map(|(i, _)| i as u32)
            .collect();
        crate::sort::sort_by_key(&mut ready, |&i| tasks[i as usize].since);
        Snapshot {
            step,
            t,
            iter,
            tasks,
            ready,
            output_len,
            timers,
            thread_spots: spots
                .into_iter()
                .map(|(line, function)| ThreadSpot {
                    line,
                    function: self.functions.get(function as usize).cloned(),
                })
                .collect(),
            threads,
            pool_queues,
        }
    }

    /// The first step at or after virtual time `t` (for the timeline cursor).
    pub fn step_at_time(&self, t: f64) -> u32 {
        self.events.count_before_time(t) as u32
    }

    pub fn task_label(&self, id: u32) -> String {
        match self.tasks.get(id as usize) {
            Some(t) => t.label(),
            None => "the loop".to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
