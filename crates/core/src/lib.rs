//! loopscope-core: run Python asyncio programs on a virtual clock exactly as CPython does, and record the trace.
//!
//! The pipeline is source → [`syntax`] (tokens, tree, diagnostics) → `compile`
//! (compact instructions) → `vm` + `asyncio` (the scheduler) → [`Trace`].
//! Nothing here reads a clock, touches I/O or uses threads: it builds for
//! `wasm32-unknown-unknown` unchanged and every run is deterministic.

mod asyncio;
mod builtins;
mod compile;
mod exc;
mod identity;
mod lint;
mod machine;
mod ops;
mod pyfmt;
mod random;
mod run;
mod sort;
pub mod syntax;
#[cfg(test)]
mod test_rng;
mod trace;
mod unicode_chars;
mod unicode_digits;
mod value;
mod vm;

pub use machine::{ThreadInfo, ThreadState};
pub use pyfmt::{format_f64, format_fixed};
pub use run::{check, run, CompileError, RunResult, Session, Settings, Status, MAX_SOURCE_BYTES};
pub use sort::{sort_by, sort_by_key};
pub use trace::{
    explain, waits_on_label, BlockKind, Event, EventKind, EventLog, Lane, Outcome, OutputLine,
    RunEnd, Snapshot, Summary, TaskInfo, TaskState, TaskTimes, ThreadSpot, TimerKind, TimerRecord,
    Trace, WaitOn, Warning, NO_FUNCTION, NO_TASK, TRACE_VERSION,
};
pub use vm::Limits;

/// A virtual time as the page and the step explanations show it: three decimals, as
/// Rust's `{:.3}` prints them.
pub fn format_time(t: f64) -> String {
    format_fixed(t, 3)
}

/// Seconds as the oracle prints them: six decimals, rounded like CPython's `f"{t:.6f}"`.
pub fn format_seconds(t: f64) -> String {
    pyfmt::format_float(t, ".6f").unwrap_or_else(|_| format_fixed(t, 6))
}
