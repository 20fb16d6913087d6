//! The VM's state: globals, the event loop, the program's random generator, output and the trace.

use std::rc::Rc;

use crate::asyncio::event_loop::EventLoop;
use crate::asyncio::objects::FutRef;
use crate::random::MersenneTwister;
use crate::syntax::span::LineIndex;
use crate::trace::{Event, EventKind, OutputLine, Trace, Warning, NO_TASK};
use crate::value::Value;

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
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 10_000_000,
            max_time: 3600.0,
            max_tasks: 200_000,
            max_depth: 1000,
            max_output_bytes: 16 << 20,
        }
    }
}

/// Why a run was stopped from outside the program's semantics.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Abort {
    Limit(String),
    /// Nothing can ever run again while `main` is unfinished.
    Deadlock,
}

pub(crate) struct Vm {
    pub(crate) globals: Vec<Value>,
    pub(crate) global_names: Vec<Rc<str>>,
    pub(crate) lp: EventLoop,
    /// The task whose step is running.
    pub(crate) current: Option<FutRef>,
    pub(crate) task_counter: u64,
    /// Every task ever created, by trace id.
    pub(crate) tasks: Vec<FutRef>,
    pub(crate) rng: MersenneTwister,
    pub(crate) trace: Trace,
    pub(crate) out_pending: String,
    pub(crate) out_bytes: usize,
    pub(crate) steps: u64,
    pub(crate) limits: Limits,
    /// Python frames alive in nested runs (builtins calling back into Python).
    pub(crate) nested_depth: u32,
    pub(crate) abort: Option<Abort>,
    pub(crate) lines: LineIndex,
    /// The source offset of the instruction most recently executed.
    pub(crate) line_offset: u32,
    pub(crate) next_callback_id: u64,
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
}

impl Vm {
    pub(crate) fn new(source: &str, limits: Limits) -> Vm {
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
            limits,
            nested_depth: 0,
            abort: None,
            lines: LineIndex::new(source),
            line_offset: 0,
            next_callback_id: 1,
            machine: crate::machine::Machine::new(4, true),
            function_ids: Default::default(),
            worker: None,
            escaping: None,
            pausable: false,
            native_names: Vec::new(),
            shared_names: Default::default(),
        }
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

    /// Write program output; complete lines are stamped with the current virtual time.
    pub(crate) fn write_out(&mut self, s: &str) {
        self.out_bytes += s.len();
        if self.out_bytes > self.limits.max_output_bytes {
            self.set_abort(Abort::Limit(format!(
                "output limit reached: the program printed more than {} MB",
                self.limits.max_output_bytes >> 20
            )));
            return;
        }
        self.out_pending.push_str(s);
        while let Some(nl) = self.out_pending.find('\n') {
            let text: String = self.out_pending[..nl].to_string();
            self.out_pending.drain(..=nl);
            self.emit_line(text);
        }
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

    /// Record "coroutine was never awaited" for coroutines dropped since the last call.
    pub(crate) fn drain_never_awaited(&mut self) {
        for (name, line) in crate::value::take_never_awaited() {
            self.warn(line, crate::run::never_awaited(&name));
        }
    }

    pub(crate) fn set_abort(&mut self, a: Abort) {
        if self.abort.is_none() {
            self.abort = Some(a);
        }
    }
}

impl Drop for Vm {
    /// Tasks, futures and frames refer to each other; break the cycles so a
    /// page that re-runs programs all day does not leak.
    fn drop(&mut self) {
        for t in self.tasks.drain(..) {
            let mut t = t.borrow_mut();
            t.callbacks.clear();
            if let Some(td) = t.task.as_mut() {
                td.frames.clear();
                td.fut_waiter = None;
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
        self.lp.ready.queue.clear();
        self.lp.timers.clear();
        for v in self.globals.drain(..) {
            crate::value::drop_deep(v);
        }
    }
}
