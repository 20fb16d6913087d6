//! The VM's state: globals, the event loop, the program's random generator, output and the trace.

use std::rc::Rc;

use crate::asyncio::event_loop::EventLoop;
use crate::asyncio::native::NativeCoro;
use crate::asyncio::objects::FutRef;
use crate::random::MersenneTwister;
use crate::syntax::span::LineIndex;
use crate::trace::{Event, EventKind, OutputLine, Trace, Warning, NO_TASK};
use crate::value::Value;
use crate::vm::Frame;

/// The limits of SPEC §5, except the task limit: SPEC says 100,000 but
/// issue 5's `tree` workload (a gather tree of 111,111 tasks) must run, so
/// it is 200,000.
#[derive(Clone, Debug)]
pub struct Limits {
    pub max_steps: u64,
    pub max_time: f64,
    pub max_tasks: u32,
    pub max_depth: u32,
    pub max_output_bytes: usize,
    /// Bytes of strings and containers a program may build over its run: see
    /// [`Vm::charge_built`]. SPEC §5 names no memory limit, but without one a
    /// doubling loop (`s += s`) takes a browser tab down in 30 steps.
    pub max_memory: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 10_000_000,
            max_time: 3600.0,
            max_tasks: 200_000,
            max_depth: 1000,
            max_output_bytes: 16 << 20,
            max_memory: 512 << 20,
        }
    }
}

/// Values smaller than this are not counted against the memory limit.
const BIG_BYTES: usize = 4096;
/// What a list or tuple item costs, and a dict or set entry (with its hash).
pub(crate) const ITEM_BYTES: usize = std::mem::size_of::<Value>();
pub(crate) const ENTRY_BYTES: usize = 3 * std::mem::size_of::<Value>();

/// Items a builtin looks at per interpreter step: a step of Python code
/// costs about as much as reading this many items in a builtin.
pub(crate) const ITEMS_PER_STEP: u64 = 4;

/// The memory and the steps of building a container of `n` items.
fn items(n: usize, item_bytes: usize) -> (usize, usize) {
    (n * item_bytes, n / ITEMS_PER_STEP as usize)
}

/// What a run that reached its step budget says.
fn step_limit_message(max_steps: u64) -> String {
    format!("step limit reached: the program ran more than {max_steps} interpreter steps")
}

/// `1 GB`, `16 MB`, `64 KB`: a limit as a person reads it.
fn human_bytes(n: usize) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GB", n >> 30),
        n if n >= 1 << 20 => format!("{} MB", n >> 20),
        n if n >= 1 << 10 => format!("{} KB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// Why a run was stopped from outside the program's semantics.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Abort {
    Limit(String),
    /// Nothing can ever run again while `main` is unfinished.
    Deadlock,
}

/// The last two source offsets looked up at one place, with their lines
/// (most recent first).
#[derive(Clone, Copy)]
struct LastLines([(u32, u32); 2]);

impl LastLines {
    fn new(lines: &LineIndex) -> LastLines {
        LastLines([(u32::MAX, lines.line(u32::MAX)); 2])
    }

    /// The line of `offset`, looked up in `lines` if it is neither of the two.
    #[inline]
    fn line(&mut self, lines: &LineIndex, offset: u32) -> u32 {
        let [last, before] = self.0;
        if last.0 == offset {
            return last.1;
        }
        let line = if before.0 == offset {
            before.1
        } else {
            lines.line(offset)
        };
        self.0 = [(offset, line), last];
        line
    }
}

pub(crate) struct Vm {
    pub(crate) globals: Vec<Value>,
    pub(crate) global_names: Vec<Rc<str>>,
    pub(crate) lp: EventLoop,
    /// The task whose step is running.
    pub(crate) current: Option<FutRef>,
    pub(crate) task_counter: u64,
    /// Every task ever created, by trace id: held while it runs, and once
    /// it has finished only if it failed (for the warning of an exception
    /// never retrieved, at the end). Otherwise a finished task is freed with
    /// the last reference to it, as CPython's `_all_tasks` is a `WeakSet`.
    pub(crate) tasks: Vec<TaskSlot>,
    pub(crate) rng: MersenneTwister,
    pub(crate) trace: Trace,
    pub(crate) out_pending: String,
    pub(crate) out_bytes: usize,
    pub(crate) steps: u64,
    /// Pause the Python code running at the top of a session's stack or of a
    /// task's step once `steps` reaches this (`u64::MAX`: never), so that a
    /// long stretch of Python without an await (a CPU-bound loop) can be
    /// simulated in slices too: [`Vm::run_stack_pausable`].
    pub(crate) pause_at: u64,
    /// How many `run_stack`s are running, one inside another.
    pub(crate) run_depth: u32,
    /// The `run_depth` of the one `run_stack` that may pause (0: none).
    pub(crate) pausable_depth: u32,
    /// Bytes of big values built so far: [`Vm::charge_built`].
    pub(crate) built_bytes: usize,
    /// Futures whose links to others only [`Drop`] can break: [`Vm::remember_links`].
    pub(crate) linked: Vec<std::rc::Weak<std::cell::RefCell<crate::asyncio::objects::Future>>>,
    pub(crate) limits: Limits,
    /// Python frames alive in nested runs (builtins calling back into Python).
    pub(crate) nested_depth: u32,
    pub(crate) abort: Option<Abort>,
    pub(crate) lines: LineIndex,
    /// The last two offsets `made_task_line` looked up, with their lines.
    made_task_lines: LastLines,
    /// The same for `waited_line` and `ended_line`.
    waited_lines: LastLines,
    ended_lines: LastLines,
    /// The same for `made_coro_line`.
    made_coro_lines: LastLines,
    /// The source offset of the instruction most recently executed.
    pub(crate) line_offset: u32,
    pub(crate) next_callback_id: u64,
    /// Whether the queue's (or semaphore's) waiter kept inline
    /// (`Waiter::Queue`) that the running task's step was woken from had
    /// been cancelled: read by its coroutine if an exception is thrown into it.
    pub(crate) queue_wait_cancelled: bool,
    /// The messages of waiters kept inline (`Waiter::Queue`) that
    /// were cancelled with one, by the wait's serial, until the task wakes up.
    pub(crate) queue_cancel_messages: Vec<(u64, Value)>,
    /// Threads, processes, cores and GILs; inactive until an executor starts a worker.
    pub(crate) machine: crate::machine::Machine,
    /// Index of each name in `Trace::functions` (looked up, never iterated).
    pub(crate) function_ids: std::collections::HashMap<Rc<str>, u32>,
    /// The worker thread whose Python is running (None: the loop thread).
    pub(crate) worker: Option<u32>,
    /// SystemExit or KeyboardInterrupt raised in a task: it leaves the loop (`Task.__step` re-raises).
    pub(crate) escaping: Option<crate::exc::ExcRef>,
    /// Set by a [`crate::Session`]: `asyncio.run` at the top of the stack
    /// hands its loop to the session (`Called::RunLoop`) instead of running it.
    pub(crate) pausable: bool,
    /// The names of asyncio's own coroutines, made once (`sleep` is created
    /// a million times in a big run).
    native_names: Vec<(&'static str, Rc<str>)>,
    /// Function names as the trace's task table holds them, made once per
    /// function: keyed by the address of the name's `Rc`, kept here so the
    /// address stays its own (a gather of 10,000 `fetch` tasks hashes one
    /// number per task, not the name).
    shared_names: crate::asyncio::event_loop::BitsMap<usize, (Rc<str>, std::sync::Arc<str>)>,
    /// The numbers `id()` gave, in the order the program asked.
    ids: crate::identity::Ids,
    /// Boxes of finished native frames, for the next ones: a million
    /// `await asyncio.sleep(…)` reuse a few boxes rather than allocate a
    /// million. (Boxes, not coroutines: the boxes are what is reused.)
    #[allow(clippy::vec_box)]
    native_boxes: Vec<Box<NativeCoro>>,
    /// Boxes of finished Python frames, emptied, for the next calls
    /// (`Vm::py_frame`, `Vm::py_frame_done` in vm.rs).
    #[allow(clippy::vec_box)]
    pub(super) spare_frames: Vec<Box<super::PyFrame>>,
    /// Coroutine objects that a task or an `await` took the frame of and
    /// nothing else refers to, for the next calls of `async def`
    /// functions (`Vm::new_coro`, `Vm::coro_done` in vm.rs).
    pub(super) spare_coros: Vec<Rc<std::cell::RefCell<crate::value::Coro>>>,
    /// Emptied stacks of finished generators and of tasks' steps, for the
    /// next generators' frames (`func_frame`, `gen_next` in exec.rs) and the
    /// steps of tasks that hold their one frame inline (`Vm::task_stack` in
    /// task.rs): a generator expression made and run to its end per call (a
    /// gather tree's every node) then allocates no stack, nor a task that
    /// waits once.
    pub(super) spare_stacks: Vec<Vec<Frame>>,
}

/// At most this many boxes wait in `Vm::native_boxes`.
const NATIVE_BOXES: usize = 64;

impl Vm {
    pub(crate) fn new(source: &str, limits: Limits) -> Vm {
        let lines = LineIndex::new(source);
        Vm {
            globals: Vec::new(),
            global_names: Vec::new(),
            lp: EventLoop::default(),
            current: None,
            task_counter: 0,
            tasks: Vec::new(),
            rng: MersenneTwister::new(),
            trace: Trace::default(),
            out_pending: String::new(),
            out_bytes: 0,
            steps: 0,
            pause_at: u64::MAX,
            run_depth: 0,
            pausable_depth: 0,
            built_bytes: 0,
            linked: Vec::new(),
            limits,
            nested_depth: 0,
            abort: None,
            made_task_lines: LastLines::new(&lines),
            waited_lines: LastLines::new(&lines),
            ended_lines: LastLines::new(&lines),
            made_coro_lines: LastLines::new(&lines),
            lines,
            line_offset: 0,
            next_callback_id: 1,
            queue_wait_cancelled: false,
            queue_cancel_messages: Vec::new(),
            machine: crate::machine::Machine::new(4, true),
            function_ids: Default::default(),
            worker: None,
            escaping: None,
            pausable: false,
            native_names: Vec::new(),
            shared_names: Default::default(),
            ids: Default::default(),
            native_boxes: Vec::new(),
            spare_frames: Vec::new(),
            spare_coros: Vec::new(),
            spare_stacks: Vec::new(),
        }
    }

    /// A native coroutine's frame, in a box that held a finished one if
    /// there is any.
    pub(crate) fn native_frame(&mut self, coro: NativeCoro) -> Frame {
        Frame::Native(match self.native_boxes.pop() {
            Some(mut b) => {
                // A kept box holds `Ready(None)` (`frame_done`): nothing to
                // call the drop glue for.
                let old = std::mem::replace(&mut *b, coro);
                debug_assert!(matches!(old, NativeCoro::Ready(None)));
                std::mem::forget(old);
                b
            }
            None => Box::new(coro),
        })
    }

    /// A frame that has finished: its box is kept for `native_frame`, its
    /// contents dropped now.
    pub(crate) fn frame_done(&mut self, frame: Option<Frame>) {
        if let Some(Frame::Native(mut b)) = frame {
            if self.native_boxes.len() < NATIVE_BOXES {
                *b = NativeCoro::Ready(None);
                self.native_boxes.push(b);
            }
        }
    }

    /// `id(v)`: numbered in the order a run first asks, never an address.
    pub(crate) fn id_of(&mut self, v: &Value) -> i64 {
        let (id, new_number) = self.ids.id(v);
        if new_number {
            self.charge_bytes(crate::identity::NUMBER_ID_BYTES);
        }
        id
    }

    /// `hash(v)`, CPython's by value; by `id` for objects compared by identity.
    pub(crate) fn hash_of(&mut self, v: &Value) -> Result<i64, crate::exc::ExcRef> {
        crate::identity::py_hash(v, &mut |x| self.id_of(x))
    }

    pub(crate) fn callback_id(&mut self) -> u64 {
        self.next_callback_id += 1;
        self.next_callback_id
    }

    pub(crate) fn current_task_id(&self) -> u32 {
        self.current
            .as_ref()
            .and_then(|t| t.borrow().task_id())
            .unwrap_or(NO_TASK)
    }

    pub(crate) fn native_name(&mut self, name: &'static str) -> Rc<str> {
        if let Some((_, rc)) = self.native_names.iter().find(|(n, _)| *n == name) {
            return rc.clone();
        }
        let rc: Rc<str> = Rc::from(name);
        self.native_names.push((name, rc.clone()));
        rc
    }

    /// `name` as the trace's task table holds it, made once per name.
    pub(crate) fn shared_name(&mut self, name: &Rc<str>) -> std::sync::Arc<str> {
        let key = Rc::as_ptr(name) as *const u8 as usize;
        let (_, shared) = self
            .shared_names
            .entry(key)
            .or_insert_with(|| (name.clone(), std::sync::Arc::from(&**name)));
        shared.clone()
    }

    pub(crate) fn line_of(&self, offset: u32) -> u32 {
        self.lines.line(offset)
    }

    /// `line_of` for a new task: the lines it is made at and starts at, the
    /// last two remembered. A gather of many tasks from one line (each of a
    /// tree's nodes) makes them all at one line and start them all at
    /// another, and a look-up (a binary search) costs several times this.
    pub(crate) fn made_task_line(&mut self, offset: u32) -> u32 {
        self.made_task_lines.line(&self.lines, offset)
    }

    /// `line_of` for the `await` a task's step ended at, when it is not
    /// where the task waited before: the last two remembered (the children
    /// of a gather all wait at one `await`; a task in a loop alternates
    /// between two).
    pub(crate) fn waited_line(&mut self, offset: u32) -> u32 {
        self.waited_lines.line(&self.lines, offset)
    }

    /// `line_of` for the `return` (or the raise) a task ended at: the last
    /// two remembered (a gather's children end at one).
    pub(crate) fn ended_line(&mut self, offset: u32) -> u32 {
        self.ended_lines.line(&self.lines, offset)
    }

    /// `line_of` for a new coroutine object (the line its "never awaited"
    /// warning names), the last two remembered: a loop or a generator
    /// expression makes its coroutines at one place, over and over.
    pub(crate) fn made_coro_line(&mut self, offset: u32) -> u32 {
        self.made_coro_lines.line(&self.lines, offset)
    }

    pub(crate) fn event(&mut self, task: u32, line: u32, kind: EventKind) {
        let e = Event {
            t: self.lp.now,
            iter: self.lp.iteration,
            task,
            line,
            kind,
        };
        self.trace.push(e);
    }

    /// `event` for the frequent events, whose kind the call site names (a
    /// task's `Ready`, `Running`, a sleep's `Waiting`): inlined there, it
    /// packs and stores the record directly (`EventLog::push_known`), where
    /// `event` builds an `Event` and calls out to take its kind apart
    /// again. Kept to the hot call sites: each copy is a few dozen bytes of
    /// code.
    #[inline(always)]
    pub(crate) fn event_known(&mut self, task: u32, line: u32, kind: EventKind) {
        let (t, iter) = (self.lp.now, self.lp.iteration);
        self.trace
            .events
            .push_known::<false>(t, iter, task, line, kind);
    }

    /// `event_known` for the hottest few call sites (a task's step, a sleep
    /// and its timer): the record is stored in place in the page's wasm too.
    #[inline(always)]
    pub(crate) fn event_hot(&mut self, task: u32, line: u32, kind: EventKind) {
        let (t, iter) = (self.lp.now, self.lp.iteration);
        self.trace
            .events
            .push_known::<true>(t, iter, task, line, kind);
    }

    /// Write program output; complete lines are stamped with the current virtual time.
    pub(crate) fn write_out(&mut self, s: &str) {
        self.out_bytes += s.len();
        if self.out_bytes > self.limits.max_output_bytes {
            self.set_abort(Abort::Limit(format!(
                "output limit reached: the program printed more than {}",
                human_bytes(self.limits.max_output_bytes)
            )));
            return;
        }
        // Split in one pass: draining line by line from the front of a
        // megabytes-long text of short lines would move the rest every time.
        let mut rest = s;
        while let Some(nl) = rest.find('\n') {
            let mut text = std::mem::take(&mut self.out_pending);
            text.push_str(&rest[..nl]);
            self.emit_line(text);
            rest = &rest[nl + 1..];
        }
        self.out_pending.push_str(rest);
    }

    fn emit_line(&mut self, text: String) {
        let idx = self.trace.output.len() as u32;
        let step = self.trace.events.len() as u32;
        self.trace.output.push(OutputLine {
            t: self.lp.now,
            step,
            text,
        });
        let task = self.current_task_id();
        let line = self.line_of(self.line_offset);
        self.event(task, line, EventKind::Print { line: idx });
    }

    /// Text left without a newline at exit is written as a final line.
    pub(crate) fn flush_out(&mut self) {
        if !self.out_pending.is_empty() {
            let text = std::mem::take(&mut self.out_pending);
            self.emit_line(text);
        }
    }

    pub(crate) fn warn(&mut self, line: u32, message: String) {
        let index = self.trace.warnings.len() as u32;
        self.trace.warnings.push(Warning { line, message });
        self.event(NO_TASK, line, EventKind::Warning { index });
    }

    /// Record "coroutine was never awaited" for coroutines dropped since the
    /// last call. Called every loop pass and nearly always with none: the
    /// check is inlined, the rest is not (a call at every pass was 2% of
    /// pingpong's time in the page's wasm).
    #[inline(always)]
    pub(crate) fn drain_never_awaited(&mut self) {
        if crate::value::any_never_awaited() {
            self.warn_never_awaited();
        }
    }

    #[inline(never)]
    fn warn_never_awaited(&mut self) {
        for (name, line) in crate::value::take_never_awaited() {
            self.warn(line, crate::run::never_awaited(&name));
        }
    }

    /// Count a value the program just built (it is referred to only from
    /// here) against the memory limit. Small values are free: the step
    /// budget bounds how many a run makes. Big ones are counted when made,
    /// never given back, so the limit bounds what is alive at any moment
    /// without tracking frees.
    #[inline]
    pub(crate) fn charge_built(&mut self, v: &Value) {
        // (bytes, steps): building a string of a repr costs about a step of
        // Python code per 8 bytes; a list, a step per few items. Charging the
        // steps too keeps a program that builds big values over and over
        // from running for seconds within its step budget.
        let (bytes, steps) = match v {
            Value::Str(s) if s.len() >= BIG_BYTES && Rc::strong_count(s) == 1 => {
                (s.len(), s.len() / 8)
            }
            Value::List(l) if Rc::strong_count(l) == 1 => items(l.borrow().len(), ITEM_BYTES),
            Value::Tuple(t) if Rc::strong_count(t) == 1 => items(t.len(), ITEM_BYTES),
            Value::Dict(d) | Value::Set(d) if Rc::strong_count(d) == 1 => {
                items(d.borrow().len(), ENTRY_BYTES)
            }
            _ => return,
        };
        if bytes >= BIG_BYTES {
            self.charge_bytes(bytes);
            let _ = self.charge_steps(steps as u64);
        }
    }

    /// Count a container's growth in place (`extend`, `+=`, `update`, a
    /// slice assignment) against the memory limit: `before` is
    /// `container_len` of it before the operation, `now` the container after.
    /// The test is inlined: nearly every caller has nothing to count.
    #[inline(always)]
    pub(crate) fn charge_growth(&mut self, before: Option<(usize, usize)>, now: &Value) {
        if let Some(before) = before {
            self.charge_growth_of(before, now);
        }
    }

    #[inline(never)]
    fn charge_growth_of(&mut self, (n, item_bytes): (usize, usize), now: &Value) {
        let after = super::exec::container_len(now).map_or(n, |(m, _)| m);
        let bytes = after.saturating_sub(n) * item_bytes;
        if bytes >= BIG_BYTES {
            self.charge_bytes(bytes);
        }
    }

    fn charge_bytes(&mut self, bytes: usize) {
        self.built_bytes = self.built_bytes.saturating_add(bytes);
        if self.built_bytes > self.limits.max_memory {
            self.set_abort(Abort::Limit(format!(
                "memory limit reached: the program built more than {} of strings, lists and dicts",
                human_bytes(self.limits.max_memory)
            )));
        }
    }

    /// Count `n` interpreter steps (or a builtin's work) against the step
    /// budget; past it the run stops (the error returned is never seen by
    /// the program).
    ///
    /// Inlined, its end out of line: every `await asyncio.sleep(…)` charges
    /// a step here, and a call to the whole function cost more than the count.
    #[inline(always)]
    pub(crate) fn charge_steps(&mut self, n: u64) -> Result<(), crate::exc::ExcRef> {
        self.steps += n;
        if self.steps > self.limits.max_steps {
            return Err(self.step_limit_reached());
        }
        Ok(())
    }

    /// The end of a run at its step budget: [`Vm::charge_steps`].
    #[cold]
    #[inline(never)]
    fn step_limit_reached(&mut self) -> crate::exc::ExcRef {
        self.set_abort(Abort::Limit(step_limit_message(self.limits.max_steps)));
        crate::exc::ExcObj::bare(crate::exc::ExcType::SystemError)
    }

    pub(crate) fn set_abort(&mut self, a: Abort) {
        if self.abort.is_none() {
            self.abort = Some(a);
        }
    }

    /// Remember a future that a combinator (`gather`, `shield`, `wait`,
    /// `wait_for`, a TaskGroup) links to others through done callbacks or
    /// children: such links form cycles that no task owns, which [`Drop`]
    /// breaks. (Futures on the await path are not remembered: a task's own
    /// links are broken through the task.)
    pub(crate) fn remember_links(&mut self, f: &FutRef) {
        self.linked.push(Rc::downgrade(f));
    }
}

/// A task of [`Vm::tasks`]: held, or finished and left to whoever refers to
/// it. Not even a `Weak` is kept of a finished task: that would keep its
/// allocation until the end. Nothing is left in it for [`Drop`] to clear
/// (its callbacks ran, its frames and its wait ended).
pub(crate) enum TaskSlot {
    Held(FutRef),
    Finished,
}

impl TaskSlot {
    /// The task, while the loop holds it.
    #[inline]
    pub(crate) fn held(&self) -> Option<&FutRef> {
        match self {
            TaskSlot::Held(t) => Some(t),
            TaskSlot::Finished => None,
        }
    }
}

impl Vm {
    /// The task numbered `id`, while the loop holds it.
    #[inline]
    pub(crate) fn held_task(&self, id: u32) -> Option<&FutRef> {
        self.tasks.get(id as usize).and_then(TaskSlot::held)
    }

    /// The tasks the loop holds: every unfinished one among them.
    pub(crate) fn held_tasks(&self) -> impl Iterator<Item = &FutRef> {
        self.tasks.iter().filter_map(TaskSlot::held)
    }

    /// Let go of the finished task numbered `id`.
    pub(crate) fn let_go_of_task(&mut self, id: u32) {
        if let Some(slot) = self.tasks.get_mut(id as usize) {
            *slot = TaskSlot::Finished;
        }
    }
}

impl Drop for Vm {
    /// Tasks, futures and frames refer to each other; break the cycles so a
    /// page that re-runs programs all day does not leak.
    fn drop(&mut self) {
        for t in std::mem::take(&mut self.tasks) {
            let TaskSlot::Held(t) = t else { continue };
            let mut t = t.borrow_mut();
            t.callbacks.clear();
            if let Some(td) = t.task.as_mut() {
                td.frame = None;
                td.frames.clear();
                td.waiter = crate::asyncio::objects::Waiter::None;
            }
        }
        for th in self.machine.threads.iter_mut() {
            th.frames.clear();
            th.item = None;
            th.call = None;
        }
        for ex in self.machine.executors.iter_mut() {
            ex.queue.clear();
        }
        for f in self.linked.drain(..) {
            if let Some(f) = f.upgrade() {
                let children = {
                    let mut f = f.borrow_mut();
                    f.callbacks.clear();
                    f.children.take()
                };
                for c in children.into_iter().flatten() {
                    c.borrow_mut().callbacks.clear();
                }
            }
        }
        self.lp.ready.queue.clear();
        self.lp.timers.clear();
        for v in self.globals.drain(..) {
            crate::value::drop_deep(v);
        }
    }
}
