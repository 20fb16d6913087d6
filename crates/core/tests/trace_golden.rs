//! The trace of a tiny program, derived by hand from SPEC §2 (CPython's
//! `_run_once` and Task semantics), event by event.

use loopscope_core::{run, BlockKind, EventKind, Outcome, Settings, WaitOn, NO_TASK};

const PROGRAM: &str = "import asyncio
import time

async def child():
    await asyncio.sleep(1)
    return 7

async def main():
    t = asyncio.create_task(child())
    print(await t)
    time.sleep(0.5)

asyncio.run(main())
";

#[test]
fn create_task_sleep_and_await_step_by_step() {
    let r = run(PROGRAM, &Settings::default());
    let got: Vec<(u32, u32, f64, EventKind)> = r
        .trace
        .events
        .iter()
        .map(|e| (e.iter, e.task, e.t, e.kind))
        .collect();
    let expected = vec![
        // asyncio.run wraps main in Task-1 and queues its first step (before any pass).
        (0, 0, 0.0, EventKind::Created { parent: NO_TASK }),
        // Pass 1: main runs, creates Task-2 (its step is queued), then waits for it.
        (1, 0, 0.0, EventKind::Running),
        (1, 1, 0.0, EventKind::Created { parent: 0 }),
        (
            1,
            0,
            0.0,
            EventKind::Waiting {
                on: WaitOn::Task { task: 1 },
            },
        ),
        // Pass 2: child runs and waits on sleep's future, due at 0 + 1.
        (2, 1, 0.0, EventKind::Running),
        (
            2,
            1,
            0.0,
            EventKind::Waiting {
                on: WaitOn::Sleep { until: 1.0 },
            },
        ),
        // Pass 3: nothing ready, the clock jumps to the timer; the timer's callback
        // sets the future, whose done callback queues child's wake-up.
        (3, NO_TASK, 1.0, EventKind::ClockJump { from: 0.0 }),
        (3, 1, 1.0, EventKind::Ready),
        // Pass 4: child returns; main's wake-up is queued by child's done callback.
        (4, 1, 1.0, EventKind::Running),
        (
            4,
            1,
            1.0,
            EventKind::Done {
                outcome: Outcome::Returned,
            },
        ),
        (4, 0, 1.0, EventKind::Ready),
        // Pass 5: main prints 7, then blocks the loop thread for 0.5 s, then returns.
        (5, 0, 1.0, EventKind::Running),
        (5, 0, 1.0, EventKind::Print { line: 0 }),
        (
            5,
            0,
            1.0,
            EventKind::Blocking {
                what: BlockKind::Sleep,
                until: 1.5,
            },
        ),
        (
            5,
            0,
            1.5,
            EventKind::Done {
                outcome: Outcome::Returned,
            },
        ),
    ];
    assert_eq!(got, expected);
    assert_eq!(r.trace.output[0].text, "7");
    assert_eq!(r.trace.tasks[1].name().to_string(), "Task-2");
    assert_eq!(r.trace.tasks[1].label(), "child · Task-2");
    assert_eq!(r.trace.events.get(3).map(|e| e.line), Some(10));
    assert_eq!(r.trace.end_time, 1.5);
    // Summary: the loop thread was blocked 0.5 of 1.5 seconds; sequentially the
    // same work is the 1 s sleep plus the 0.5 s block.
    assert_eq!(r.trace.summary.loop_busy, 0.5);
    assert_eq!(r.trace.summary.sequential, 1.5);
}

#[test]
fn seeking_reconstructs_lanes_and_ready_order() {
    let r = run(PROGRAM, &Settings::default());
    // After event 3 (main waits): child is ready, main waiting on it.
    let s = r.trace.state_at(4);
    assert_eq!(s.ready, vec![1]);
    assert_eq!(s.tasks[0].waits_on, Some(WaitOn::Task { task: 1 }));
    // After the clock jump and the wake-up.
    let s = r.trace.state_at(8);
    assert_eq!(s.t, 1.0);
    assert_eq!(s.ready, vec![1]);
    // Pending timers: sleep's timer is scheduled while child runs (after event
    // 4, before event 5 says it waits) and leaves the heap for the ready queue
    // in pass 3, right after the clock jump (event 6).
    assert!(r.trace.state_at(4).timers.is_empty());
    assert_eq!(r.trace.state_at(5).timers, vec![0]);
    assert_eq!(r.trace.state_at(6).timers, vec![0]);
    assert_eq!(r.trace.timers[0].due, 1.0);
    assert_eq!(r.trace.timers[0].task, 1);
    assert_eq!(r.trace.timers[0].kind, loopscope_core::TimerKind::Sleep);
    assert!(
        r.trace.state_at(7).timers.is_empty(),
        "fired: its callback is in the ready queue"
    );
    let s = r.trace.state_at(u32::MAX);
    assert_eq!(s.output_len, 1);
    assert!(s.tasks.iter().all(|t| t.lane == loopscope_core::Lane::Done));
}

#[test]
fn explanations_name_the_tasks() {
    let r = run(PROGRAM, &Settings::default());
    let text: Vec<String> = (0..r.trace.events.len())
        .map(|i| loopscope_core::explain(&r.trace, i))
        .collect();
    assert!(
        text[3].contains("main · Task-1") && text[3].contains("task Task-2"),
        "{}",
        text[3]
    );
    assert!(text[5].contains("until 1.000"), "{}", text[5]);
    assert!(
        text[13].contains("time.sleep") && text[13].contains("starves"),
        "{}",
        text[13]
    );
}
