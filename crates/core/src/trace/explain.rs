//! One sentence per event, rendered on demand from the structured event (never on the hot path).

use super::{BlockKind, Event, EventKind, Outcome, Trace, WaitOn, NO_TASK};

fn waits_on_text(trace: &Trace, on: &WaitOn) -> String {
    match on {
        WaitOn::Future => "a future".into(),
        WaitOn::Sleep { until } => format!("sleep until {}", crate::format_time(*until)),
        WaitOn::Task { task } => match trace.tasks.get(*task as usize) {
            Some(t) => format!("task {}", t.name),
            None => "a task".into(),
        },
        WaitOn::Gather { children } => format!("gather() of {children}"),
        WaitOn::Lock => "Lock".into(),
        WaitOn::Semaphore => "Semaphore".into(),
        WaitOn::Event => "Event".into(),
        WaitOn::Condition => "Condition".into(),
        WaitOn::QueueGet => "Queue.get".into(),
        WaitOn::QueuePut => "Queue.put".into(),
        WaitOn::QueueJoin => "Queue.join".into(),
        WaitOn::WaitFor { until } => {
            format!("wait_for (timeout at {})", crate::format_time(*until))
        }
        WaitOn::Wait { tasks } => format!(
            "asyncio.wait() on {tasks} task{}",
            if *tasks == 1 { "" } else { "s" }
        ),
        WaitOn::AsCompleted => "as_completed".into(),
        WaitOn::Shield => "shield".into(),
        WaitOn::TaskGroup { tasks } => format!("TaskGroup ({tasks} left)"),
        WaitOn::Cancellation => "a cancellation".into(),
        WaitOn::ThreadPool => "thread pool".into(),
        WaitOn::ProcessPool => "process pool".into(),
    }
}

/// The short text a waiting card shows (`sleep until 2.000`, `task fetch-2`, `Lock`).
pub fn waits_on_label(trace: &Trace, on: &WaitOn) -> String {
    waits_on_text(trace, on)
}

/// A one-sentence explanation of event `step` (0-based index into `trace.events`).
pub fn explain(trace: &Trace, step: usize) -> String {
    let Some(e) = &trace.events.get(step) else {
        return String::new();
    };
    let who = trace.task_label(e.task);
    let at = |e: &Event| {
        if e.line > 0 {
            format!(" (line {})", e.line)
        } else {
            String::new()
        }
    };
    match &e.kind {
        EventKind::Created { parent } => {
            if *parent == NO_TASK {
                format!("asyncio.run() wraps the coroutine in task {who} and schedules its first step")
            } else {
                format!("{} creates task {who}{}; its first step joins the ready queue", trace.task_label(*parent), at(e))
            }
        }
        EventKind::Ready => format!("{who} is woken up: its next step joins the back of the ready queue"),
        EventKind::Running => format!("the loop runs the next ready step: {who} resumes{}", at(e)),
        EventKind::Waiting { on } => match on {
            WaitOn::Sleep { until } => {
                format!("{who} awaits asyncio.sleep(){}: it waits until {} and the loop moves on", at(e), crate::format_time(*until))
            }
            WaitOn::Gather { children } => {
                format!("{who} awaits gather(){}: {children} awaitables scheduled; {who} waits", at(e))
            }
            other => format!("{who} waits for {}{}; the loop moves on", waits_on_text(trace, other), at(e)),
        },
        EventKind::Blocking { what, until } => match what {
            BlockKind::Sleep => format!(
                "{who} calls time.sleep(){}: it blocks the loop thread until {}, so every ready task starves",
                at(e),
                crate::format_time(*until)
            ),
            BlockKind::Cpu => format!(
                "{who} computes with cpu(){}: it holds the loop thread until {}, so every ready task starves",
                at(e),
                crate::format_time(*until)
            ),
        },
        EventKind::Done { outcome } => {
            let detail = trace.tasks.get(e.task as usize).and_then(|t| t.result()).map(|r| r.1.to_string());
            match (outcome, detail) {
                (Outcome::Returned, Some(d)) => format!("{who} finishes and returns {d}"),
                (Outcome::Raised, Some(d)) => format!("{who} fails with {d}"),
                (Outcome::Cancelled, _) => format!("{who} is cancelled"),
                _ => format!("{who} finishes"),
            }
        }
        EventKind::Print { line } => match trace.output.get(*line as usize) {
            Some(l) => format!("{who} prints {:?}", l.text),
            None => format!("{who} prints a line"),
        },
        EventKind::ClockJump { from } => format!(
            "nothing is ready: the clock jumps from {} to {}, when the next timer is due",
            crate::format_time(*from),
            crate::format_time(e.t)
        ),
        EventKind::Thread { thread, state, .. } => {
            let name = trace.threads.get(*thread as usize).map_or("a thread", |t| t.name.as_str());
            match state {
                crate::machine::ThreadState::Idle => format!("{name} is idle"),
                crate::machine::ThreadState::WaitGil => format!("{name} waits for the GIL"),
                crate::machine::ThreadState::Python => format!("{name} runs Python"),
                crate::machine::ThreadState::Cpu { remaining, on_core: true, .. } => {
                    format!("{name} computes on a core ({} s of work left)", crate::format_time(*remaining))
                }
                crate::machine::ThreadState::Cpu { remaining, on_core: false, .. } => {
                    format!("{name} waits for a core or the GIL ({} s of work left)", crate::format_time(*remaining))
                }
                crate::machine::ThreadState::Sleep { until } => format!("{name} blocks in time.sleep until {}", crate::format_time(*until)),
            }
        }
        EventKind::PoolQueue { pool, queued } => {
            let name = trace.pools.get(*pool as usize).map_or("an executor", |p| p.as_str());
            format!("{queued} work item{} wait in the queue of {name}", if *queued == 1 { "" } else { "s" })
        }
        EventKind::Warning { index } => match trace.warnings.get(*index as usize) {
            Some(w) => format!("warning: {}", w.message),
            None => "warning".into(),
        },
    }
}
