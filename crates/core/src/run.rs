//! The public entry points: check a program, run it, get the trace and how it ended.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::asyncio::objects::FutState;
use crate::asyncio::task::MainRun;
use crate::compile;
use crate::syntax::span::LineIndex;
use crate::syntax::{self, Diagnostic};
use crate::trace::{explain, RunEnd, Trace};
use crate::value::Value;
use crate::vm::{Abort, Frame, Limits, Outcome, PyFrame, Resume, Vm};

/// Interpreter steps (calls, awaits, loop iterations) that take about as long
/// as one trace event: `Session::advance` lets Python without events run for
/// `events` times this many steps before it pauses.
const STEPS_PER_EVENT: u64 = 2;

/// Programs larger than this are refused (SPEC §5).
pub const MAX_SOURCE_BYTES: usize = 100 * 1024;

/// The machine a program runs on.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Settings {
    pub cores: u32,
    pub gil: bool,
    #[serde(skip)]
    pub limits: Limits,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            cores: 4,
            gil: true,
            limits: Limits::default(),
        }
    }
}

/// A compile error with its position (1-based line and column, in characters).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompileError {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub start: u32,
    pub end: u32,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    /// `SystemExit(code)` ended the program: the process exits with that code.
    Exit(i32),
    Exception,
    CompileError,
    Deadlock,
    Limit,
}

impl Status {
    /// The CLI's exit status (SPEC §6).
    pub fn exit_code(self) -> i32 {
        match self {
            Status::Ok => 0,
            Status::Exit(code) => code,
            Status::Exception => 1,
            Status::CompileError => 2,
            Status::Deadlock => 3,
            Status::Limit => 4,
        }
    }
}

pub struct RunResult {
    pub status: Status,
    pub trace: Trace,
    pub compile_errors: Vec<CompileError>,
    /// What CPython (or the oracle) would write to stderr; the last line is the verdict.
    pub stderr: Vec<String>,
}

fn to_compile_errors(source: &str, diags: Vec<Diagnostic>) -> Vec<CompileError> {
    let idx = LineIndex::new(source);
    diags
        .into_iter()
        .map(|d| {
            let a = idx.line_col(d.span.start);
            let b = idx.line_col(d.span.end.max(d.span.start));
            CompileError {
                line: a.line,
                col: a.col,
                end_line: b.line,
                end_col: b.col,
                start: d.span.start,
                end: d.span.end,
                message: d.message,
            }
        })
        .collect()
}

/// Parse and compile only: the editor's diagnostics.
pub fn check(source: &str) -> Vec<CompileError> {
    if source.len() > MAX_SOURCE_BYTES {
        return vec![CompileError {
            line: 1,
            col: 1,
            end_line: 1,
            end_col: 1,
            start: 0,
            end: 0,
            message: too_big(source.len()),
        }];
    }
    let parsed = syntax::parse(source);
    if !parsed.diagnostics.is_empty() {
        return to_compile_errors(source, parsed.diagnostics);
    }
    match compile::compile(&parsed.module) {
        Ok(_) => Vec::new(),
        Err(d) => to_compile_errors(source, d),
    }
}

fn too_big(n: usize) -> String {
    format!(
        "the program is {} KB; loopscope runs programs up to {} KB",
        n.div_ceil(1024),
        MAX_SOURCE_BYTES / 1024
    )
}

/// Run a program to the end (or to a limit) and return its trace.
pub fn run(source: &str, settings: &Settings) -> RunResult {
    Session::new(source, settings).finish()
}

/// A run that can be simulated a slice at a time: the page advances long runs
/// in slices of events between frames, so the tab never freezes. Results are
/// identical to [`run`]'s whatever the slices.
///
/// One session at a time per thread: drop a session before starting the next
/// (coroutines that are never awaited are reported through a per-thread list).
pub struct Session {
    state: SessionState,
}

enum SessionState {
    /// Refused or failed to compile: the result is ready.
    Over(Box<RunResult>),
    Running(Box<Live>),
}

struct Live {
    vm: Vm,
    frames: Vec<Frame>,
    /// `None` only while `advance` works on it.
    phase: Option<Phase>,
}

enum Phase {
    /// The program's own stack runs (module code and what it calls).
    Stack(Resume),
    /// `asyncio.run`'s loop runs, pass by pass.
    Loop(MainRun),
    /// The program's stack ended.
    Ended(Outcome),
}

impl Session {
    /// Check and compile `source`, ready to run.
    pub fn new(source: &str, settings: &Settings) -> Session {
        let mut trace = Trace::default();
        if source.len() > MAX_SOURCE_BYTES {
            let m = too_big(source.len());
            trace.end = RunEnd::Limit { message: m.clone() };
            trace.finish();
            return Session::over(RunResult {
                status: Status::Limit,
                trace,
                compile_errors: Vec::new(),
                stderr: vec![format!("loopscope: {m}")],
            });
        }
        let parsed = syntax::parse(source);
        let program = if parsed.diagnostics.is_empty() {
            compile::compile(&parsed.module)
        } else {
            Err(parsed.diagnostics)
        };
        let program = match program {
            Ok(p) => p,
            Err(d) => {
                let errs = to_compile_errors(source, d);
                trace.finish();
                let stderr = errs
                    .iter()
                    .take(1)
                    .map(|e| format!("{}:{}: {}", e.line, e.col, e.message))
                    .collect();
                return Session::over(RunResult {
                    status: Status::CompileError,
                    trace,
                    compile_errors: errs,
                    stderr,
                });
            }
        };
        let lints = crate::lint::lint(&parsed.module, &LineIndex::new(source));
        crate::value::take_never_awaited();
        let mut vm = Vm::new(source, settings.limits.clone());
        vm.pausable = true;
        vm.machine = crate::machine::Machine::new(settings.cores, settings.gil);
        vm.trace.cores = settings.cores.max(1);
        vm.trace.gil = settings.gil;
        // Lints are static: they go beside the events, not among them.
        vm.trace.warnings.extend(lints);
        vm.global_names = program.globals.clone();
        vm.globals = program
            .globals
            .iter()
            .map(|n| crate::builtins::global_builtin(n).unwrap_or(Value::Undefined))
            .collect();
        let frames = vec![Frame::Py(Box::new(PyFrame::new(program.module.clone())))];
        Session {
            state: SessionState::Running(Box::new(Live {
                vm,
                frames,
                phase: Some(Phase::Stack(Resume::Start)),
            })),
        }
    }

    fn over(result: RunResult) -> Session {
        Session {
            state: SessionState::Over(Box::new(result)),
        }
    }

    /// Simulate until about `events` more trace events exist (whole
    /// callbacks: a slice can overshoot by what one callback records) or the
    /// run is over. Returns true when the run is over. Python that runs
    /// without events (a CPU-bound loop in a task or at the top of the
    /// program) pauses after about `events × STEPS_PER_EVENT` steps and goes
    /// on at the next call, where it was: the run is the same either way.
    /// So does a worker thread's Python that runs while the loop waits for
    /// it, or after the step of the `to_thread` that gave it work. (Python
    /// that a builtin calls back does not pause, nor does a worker's that
    /// runs while the loop thread is itself in Python or blocked:
    /// `run_in_executor` with no GIL to wait for or to a process pool, the
    /// loop thread in `time.sleep`.)
    pub fn advance(&mut self, events: usize) -> bool {
        let SessionState::Running(live) = &mut self.state else {
            return true;
        };
        let Live { vm, frames, phase } = &mut **live;
        let start = vm.trace.events.len();
        // Python that runs long without an event (a CPU-bound loop) pauses
        // too, after about as many steps as `events` events take.
        vm.pause_at = vm
            .steps
            .saturating_add((events as u64).saturating_mul(STEPS_PER_EVENT));
        let over = loop {
            let next = match phase.take() {
                Some(Phase::Stack(input)) => match vm.run_stack_pausable(frames, input) {
                    Outcome::Block(kind, secs) => {
                        vm.block_loop_thread(kind, secs);
                        Phase::Stack(Resume::Value(Value::None))
                    }
                    Outcome::Paused => {
                        *phase = Some(Phase::Stack(Resume::Start));
                        break false;
                    }
                    Outcome::RunLoop(run) => Phase::Loop(run),
                    other => Phase::Ended(other),
                },
                Some(Phase::Loop(run)) => {
                    let left = events.saturating_sub(vm.trace.events.len() - start);
                    match (left > 0).then(|| vm.run_passes(left)).flatten() {
                        Some(ok) => Phase::Stack(Resume::from(vm.asyncio_run_finish(run, ok))),
                        None => {
                            *phase = Some(Phase::Loop(run));
                            // Checkpoint as we go, so the end does not
                            // replay the whole run at once.
                            vm.trace.index(false);
                            break false;
                        }
                    }
                }
                Some(ended @ Phase::Ended(_)) => {
                    *phase = Some(ended);
                    break true;
                }
                None => break true,
            };
            *phase = Some(next);
        };
        vm.pause_at = u64::MAX;
        over
    }

    /// Stop a run before its end (the person does not want to wait): the
    /// next `advance` ends it as a limit does, and `finish` gives the run so
    /// far, with the message that it was stopped.
    pub fn stop(&mut self) {
        if let SessionState::Running(live) = &mut self.state {
            let events = live.vm.trace.events.len();
            live.vm.set_abort(Abort::Limit(format!(
                "stopped before the end, after {events} events"
            )));
        }
    }

    /// Trace events so far and the virtual time reached (for a progress bar).
    pub fn progress(&self) -> (usize, f64) {
        match &self.state {
            SessionState::Running(live) => (live.vm.trace.events.len(), live.vm.lp.now),
            SessionState::Over(r) => (r.trace.events.len(), r.trace.end_time),
        }
    }

    /// Interpreter steps so far (calls, awaits, loop iterations): what moves
    /// while Python computes without making events. 0 once the run is over.
    pub fn steps(&self) -> u64 {
        match &self.state {
            SessionState::Running(live) => live.vm.steps,
            SessionState::Over(_) => 0,
        }
    }

    /// Run to the end (if not there yet) and return the result.
    pub fn finish(mut self) -> RunResult {
        while !self.advance(usize::MAX) {}
        match self.state {
            SessionState::Over(r) => *r,
            SessionState::Running(live) => {
                let Live { vm, frames, phase } = *live;
                let outcome = match phase {
                    Some(Phase::Ended(o)) => o,
                    _ => Outcome::Abort,
                };
                conclude(vm, frames, outcome)
            }
        }
    }
}

/// The end of a run: status, stderr, late warnings, the finished trace.
fn conclude(mut vm: Vm, frames: Vec<Frame>, outcome: Outcome) -> RunResult {
    drop(frames);
    vm.flush_out();
    let mut stderr = Vec::new();
    let status = match outcome {
        Outcome::Return(_) => Status::Ok,
        Outcome::Raise(e) if vm.abort.is_none() && e.is(crate::exc::ExcType::SystemExit) => {
            // As the oracle: the code (None: 0, an int: itself, else 1), nothing on stderr.
            let code = match e.args.first() {
                None | Some(Value::None) => 0,
                Some(Value::Int(i)) => *i as i32,
                Some(Value::Bool(b)) => *b as i32,
                Some(_) => 1,
            };
            vm.trace.end = RunEnd::Exit { code };
            Status::Exit(code)
        }
        Outcome::Raise(e) if vm.abort.is_none() => {
            let line = *e.line.borrow();
            let last = e.traceback_line();
            stderr.push("Traceback (most recent call last):".to_string());
            stderr.push(format!("  line {line}"));
            // A message with newlines ends stderr with its last line, as CPython's does.
            stderr.extend(last.split('\n').map(str::to_string));
            vm.trace.end = RunEnd::Exception {
                message: last,
                line,
            };
            Status::Exception
        }
        _ => match vm.abort.clone() {
            Some(Abort::Deadlock) => {
                let mut stuck = Vec::new();
                for t in vm.held_tasks() {
                    let tb = t.borrow();
                    if tb.done() {
                        continue;
                    }
                    let Some(td) = tb.task.as_ref() else { continue };
                    let on = td.waiter.waits_on();
                    let what = match on {
                        Some(on) => crate::trace::waits_on_label(&vm.trace, &on),
                        None => "nothing (ready)".to_string(),
                    };
                    stderr.push(format!(
                        "deadlock: task {} ({}) waits for {what}",
                        td.name, td.func
                    ));
                    stuck.push((td.id, what));
                }
                stderr.push("deadlock: no task can ever run again".to_string());
                vm.trace.end = RunEnd::Deadlock { stuck };
                Status::Deadlock
            }
            Some(Abort::Limit(m)) => {
                stderr.push(format!("loopscope: {m}"));
                vm.trace.end = RunEnd::Limit { message: m };
                Status::Limit
            }
            None => Status::Ok,
        },
    };
    // CPython's warnings for tasks whose exception nobody retrieved.
    let mut late = Vec::new();
    for t in vm.held_tasks() {
        let tb = t.borrow();
        if let (FutState::Failed(e), true, Some(td)) =
            (&tb.state, tb.log_traceback, tb.task.as_ref())
        {
            late.push((
                *e.line.borrow(),
                format!(
                    "Task exception was never retrieved: task {} ({}) raised {}",
                    td.name,
                    td.func,
                    e.repr()
                ),
            ));
        }
    }
    for (line, m) in late {
        vm.warn(line, m);
    }
    vm.drain_never_awaited();
    vm.trace.end_time = vm.lp.now;
    let mut trace = std::mem::take(&mut vm.trace);
    drop(vm);
    for (name, line) in crate::value::take_never_awaited() {
        trace.warnings.push(crate::trace::Warning {
            line,
            message: never_awaited(&name),
        });
    }
    trace.finish();
    let warn_lines: Vec<String> = trace
        .warnings
        .iter()
        .map(|w| format!("line {}: warning: {}", w.line, w.message))
        .collect();
    let mut all = warn_lines;
    all.extend(stderr);
    let _ = explain;
    RunResult {
        status,
        trace,
        compile_errors: Vec::new(),
        stderr: all,
    }
}

pub(crate) fn never_awaited(name: &Rc<str>) -> String {
    format!("RuntimeWarning: coroutine '{name}' was never awaited")
}
