//! Unit tests of checkpoints and seeking on hand-built traces.

use super::*;

fn ev(t: f64, task: u32, kind: EventKind) -> Event {
    Event {
        t,
        iter: 0,
        task,
        line: 0,
        kind,
    }
}

/// A finished trace of `tasks` tasks and these events.
fn trace_with(tasks: u32, events: Vec<Event>) -> Trace {
    let mut tr = unfinished(tasks, events);
    tr.finish();
    tr
}

fn unfinished(tasks: u32, events: Vec<Event>) -> Trace {
    let mut tr = Trace::default();
    for id in 0..tasks {
        tr.tasks.push(TaskInfo {
            id,
            name: format!("Task-{}", id + 1).into(),
            func: "f".into(),
            created_step: 0,
            parent: NO_TASK,
            result: None,
        });
    }
    tr.events = events.into_iter().collect();
    tr
}

#[test]
fn state_at_uses_checkpoints_and_matches_a_full_replay() {
    // 3 tasks cycling through ready → running → waiting, far more events than
    // one checkpoint interval.
    let mut events = Vec::new();
    for id in 0..3 {
        events.push(ev(0.0, id, EventKind::Created { parent: NO_TASK }));
    }
    for k in 0..12_000 {
        let id = k % 3;
        let t = k as f64 * 0.01;
        events.push(ev(t, id, EventKind::Running));
        events.push(ev(
            t,
            id,
            EventKind::Waiting {
                on: WaitOn::Sleep { until: t + 0.03 },
            },
        ));
        events.push(ev(t, id, EventKind::Ready));
    }
    let tr = trace_with(3, events);
    assert!(tr.checkpoints.len() > 5);
    let i = checkpoint_interval(tr.tasks.len());
    for step in [
        0u32,
        1,
        3,
        4,
        5,
        i - 1,
        i,
        i + 1,
        2 * i + 7,
        5000,
        12002,
        36_002,
        36_003,
    ] {
        let fast = tr.state_at(step);
        let mut slow = vec![TaskState::UNBORN; 3];
        for (i, e) in tr.events.iter().take(step as usize).enumerate() {
            slow[e.task as usize].apply(i as u32, &e);
        }
        assert_eq!(fast.tasks, slow, "step {step}");
    }
}

#[test]
fn checkpoints_leave_out_tasks_not_created_yet_and_seeks_still_match_a_replay() {
    // 40 tasks, one more created every 1,500 events while the others cycle
    // through their lanes: each checkpoint holds only the tasks created by
    // its step, and a seek gives the others back unborn.
    let tasks = 40u32;
    let mut events = Vec::new();
    for id in 0..tasks {
        events.push(ev(0.0, id, EventKind::Created { parent: NO_TASK }));
        for k in 0..500 {
            let who = k % (id + 1);
            events.push(ev(0.0, who, EventKind::Running));
            events.push(ev(
                0.0,
                who,
                EventKind::Waiting {
                    on: WaitOn::Sleep { until: 1.0 },
                },
            ));
            events.push(ev(0.0, who, EventKind::Ready));
        }
    }
    let tr = trace_with(tasks, events);
    let created = |step: u32| {
        tr.events
            .iter()
            .take(step as usize)
            .filter(|e| matches!(e.kind, EventKind::Created { .. }))
            .count()
    };
    assert!(tr.checkpoints.len() > 5, "{}", tr.checkpoints.len());
    for c in &tr.checkpoints {
        assert_eq!(
            c.state.tasks.len(),
            created(c.step),
            "checkpoint at {}",
            c.step
        );
    }
    let i = checkpoint_interval(tr.tasks.len());
    for step in [0u32, 1, i - 1, i, i + 1, 3 * i + 2, 9 * i + 5, 60_000] {
        let fast = tr.state_at(step);
        let mut slow = vec![TaskState::UNBORN; tasks as usize];
        for (i, e) in tr.events.iter().take(step as usize).enumerate() {
            slow[e.task as usize].apply(i as u32, &e);
        }
        assert_eq!(fast.tasks, slow, "step {step}");
    }
}

#[test]
fn ready_lane_is_in_queue_order() {
    let events = vec![
        ev(0.0, 2, EventKind::Created { parent: NO_TASK }),
        ev(0.0, 0, EventKind::Created { parent: NO_TASK }),
        ev(0.0, 1, EventKind::Created { parent: NO_TASK }),
    ];
    let tr = trace_with(3, events);
    assert_eq!(tr.state_at(3).ready, vec![2, 0, 1]);
    assert_eq!(tr.state_at(1).ready, vec![2]);
}

#[test]
fn pending_timers_follow_their_add_and_end_steps_across_checkpoints() {
    let mut events = vec![ev(0.0, 0, EventKind::Created { parent: NO_TASK })];
    for k in 0..24_000 {
        events.push(ev(
            k as f64,
            0,
            if k % 2 == 0 {
                EventKind::Running
            } else {
                EventKind::Ready
            },
        ));
    }
    let mut tr = Trace::default();
    tr.tasks.push(TaskInfo {
        id: 0,
        name: "Task-1".into(),
        func: "f".into(),
        created_step: 0,
        parent: NO_TASK,
        result: None,
    });
    tr.events = events.into_iter().collect();
    // Timer i is pending from step 40 * i to step 40 * i + 6000 (crossing
    // checkpoints); every third one is still pending at the end.
    for i in 0..500u32 {
        let ended = if i % 3 == 0 { u32::MAX } else { 40 * i + 6000 };
        tr.timers.push(TimerRecord {
            due: (1000 - i) as f64,
            added: 40 * i,
            ended,
            task: 0,
            kind: TimerKind::Sleep,
        });
    }
    tr.finish();
    assert!(tr.checkpoints.len() > 4);
    let i = checkpoint_interval(tr.tasks.len());
    for step in [
        0u32,
        39,
        40,
        i - 1,
        i,
        i + 1,
        6000,
        2 * i,
        3 * i + 5,
        16_000,
        24_001,
    ] {
        let mut want: Vec<u32> = (0..500u32)
            .filter(|&i| tr.timers[i as usize].added <= step && step < tr.timers[i as usize].ended)
            .collect();
        // Firing order: earliest due first (due falls as i grows).
        want.sort_by(|a, b| b.cmp(a));
        assert_eq!(tr.state_at(step).timers, want, "step {step}");
    }
}

#[test]
fn a_packed_task_state_unpacks_to_itself() {
    let waits = [
        None,
        Some(WaitOn::Future),
        Some(WaitOn::Sleep { until: 0.1 + 0.2 }),
        Some(WaitOn::WaitFor { until: -0.0 }),
        Some(WaitOn::Task { task: 7 }),
        Some(WaitOn::Gather { children: 3 }),
        Some(WaitOn::Wait { tasks: 2 }),
        Some(WaitOn::TaskGroup { tasks: 9 }),
        Some(WaitOn::Lock),
        Some(WaitOn::QueuePut),
        Some(WaitOn::ProcessPool),
    ];
    let lanes = [
        Lane::Unborn,
        Lane::Running,
        Lane::Ready,
        Lane::Waiting,
        Lane::Done,
    ];
    let blocks = [
        None,
        Some((BlockKind::Sleep, 1.5)),
        Some((BlockKind::Cpu, f64::INFINITY)),
    ];
    let outcomes = [
        None,
        Some(Outcome::Returned),
        Some(Outcome::Raised),
        Some(Outcome::Cancelled),
    ];
    let mut n = 0;
    for (i, &waits_on) in waits.iter().enumerate() {
        for &lane in &lanes {
            for &blocking in &blocks {
                for &outcome in &outcomes {
                    let s = TaskState {
                        lane,
                        waits_on,
                        blocking,
                        line: i as u32 * 3,
                        since: 1000 + i as u32,
                        outcome,
                    };
                    assert_eq!(PackedTask::pack(&s).unpack(), s);
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 11 * 5 * 3 * 4);
}

/// `check_invariants` accepts a well-formed trace and names what is wrong
/// with each broken one (the fuzzers rely on it failing).
#[test]
fn invariants_hold_and_each_break_is_caught() {
    let sleep = || EventKind::Waiting {
        on: WaitOn::Sleep { until: 1.0 },
    };
    let good = vec![
        ev(0.0, 0, EventKind::Created { parent: NO_TASK }),
        ev(0.0, 1, EventKind::Created { parent: NO_TASK }),
        ev(0.0, 0, EventKind::Running),
        ev(0.0, 0, sleep()),
        ev(0.0, 1, EventKind::Running),
        ev(0.0, 1, sleep()),
        ev(1.0, 0, EventKind::Ready),
    ];
    assert_eq!(trace_with(2, good.clone()).check_invariants(), Ok(()));
    let broken: [(&str, Vec<Event>); 4] = [
        ("time went back", {
            let mut e = good.clone();
            e.push(ev(0.5, 1, EventKind::Ready));
            e
        }),
        ("two tasks run at once", {
            let mut e = good.clone();
            e.remove(3);
            e
        }),
        ("created again", {
            let mut e = good.clone();
            e.push(ev(1.0, 1, EventKind::Created { parent: NO_TASK }));
            e
        }),
        ("runs from Waiting", {
            let mut e = good.clone();
            e.push(ev(1.0, 1, EventKind::Running));
            e
        }),
    ];
    for (what, events) in broken {
        match trace_with(2, events).check_invariants() {
            Err(e) => assert!(e.contains(what), "{what}: {e}"),
            Ok(()) => panic!("{what}: not caught"),
        }
    }
}

/// The summary's per-task times, derived by hand from a small trace: each
/// task's time in each lane, the loop's busy time and the sequential total.
#[test]
fn summary_counts_each_lane_from_hand_derived_times() {
    let sleep = |until| EventKind::Waiting {
        on: WaitOn::Sleep { until },
    };
    let events = vec![
        ev(0.0, 0, EventKind::Created { parent: NO_TASK }), // 0 ready from 0
        ev(1.0, 0, EventKind::Running),                     // 0 ready 1
        ev(1.0, 1, EventKind::Created { parent: 0 }),       // 1 ready from 1
        ev(3.0, 0, sleep(5.0)),                             // 0 running 2; sleep 2
        ev(3.5, NO_TASK, EventKind::ClockJump { from: 3.0 }),
        ev(4.0, 1, EventKind::Running), // 1 ready 3
        ev(
            4.0,
            1,
            EventKind::Blocking {
                what: BlockKind::Cpu,
                until: 6.0,
            },
        ), // busy 2
        ev(6.0, 1, EventKind::Print { line: 0 }),
        ev(
            6.0,
            1,
            EventKind::Done {
                outcome: Outcome::Returned,
            },
        ), // 1 running 2
        ev(6.0, 0, EventKind::Ready),   // 0 waiting 3
        ev(7.0, 0, EventKind::Running), // 0 ready 1
        ev(
            8.0,
            0,
            EventKind::Done {
                outcome: Outcome::Raised,
            },
        ), // 0 running 1
    ];
    let mut tr = unfinished(2, events);
    tr.end_time = 10.0;
    tr.finish();
    let s = &tr.summary;
    let times = |running, ready, waiting| TaskTimes {
        running,
        ready,
        waiting,
    };
    assert_eq!(s.tasks, vec![times(3.0, 2.0, 3.0), times(2.0, 3.0, 0.0)]);
    assert_eq!((s.total, s.loop_busy, s.loop_busy_share), (10.0, 2.0, 0.2));
    assert_eq!(s.sequential, 4.0);
    assert_eq!(s.events, 12);
}

/// The summary as a plain pass over the decoded events: each task's time in
/// the lane it was in before each of its lane events, then up to the end;
/// the loop's blocked time; every awaited sleep plus all blocking time.
fn reference_summary(tr: &Trace) -> (Vec<TaskTimes>, f64, f64) {
    let n = tr.tasks.len();
    let mut lanes = vec![Lane::Unborn; n];
    let mut since = vec![0.0; n];
    let mut times = vec![TaskTimes::default(); n];
    let (mut busy, mut sequential) = (0.0, 0.0);
    let add = |times: &mut TaskTimes, lane: Lane, dt: f64| match lane {
        Lane::Running => times.running += dt,
        Lane::Ready => times.ready += dt,
        Lane::Waiting => times.waiting += dt,
        Lane::Unborn | Lane::Done => {}
    };
    for e in tr.events.iter() {
        match e.kind {
            EventKind::Blocking { until, .. } => {
                busy += until - e.t;
                sequential += until - e.t;
            }
            EventKind::Waiting {
                on: WaitOn::Sleep { until },
            } => sequential += (until - e.t).max(0.0),
            _ => {}
        }
        let lane = match e.kind {
            EventKind::Created { .. } | EventKind::Ready => Lane::Ready,
            EventKind::Running => Lane::Running,
            EventKind::Waiting { .. } => Lane::Waiting,
            EventKind::Done { .. } => Lane::Done,
            _ => continue,
        };
        let i = e.task as usize;
        if i < n {
            add(&mut times[i], lanes[i], e.t - since[i]);
            since[i] = e.t;
            lanes[i] = lane;
        }
    }
    for i in 0..n {
        add(&mut times[i], lanes[i], tr.end_time - since[i]);
    }
    (times, busy, sequential)
}

/// The summary built while indexing (from packed records, a run of records
/// at a time) is the plain pass's, to the bit, over the test programs.
#[test]
fn summary_matches_a_plain_pass_over_the_test_programs() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "py"));
    paths.sort();
    assert!(paths.len() > 100, "{} programs in {dir:?}", paths.len());
    for path in paths {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        let tr = crate::run(&src, &crate::Settings::default()).trace;
        let (times, busy, sequential) = reference_summary(&tr);
        let s = &tr.summary;
        assert_eq!(s.tasks, times, "{path:?}");
        assert_eq!(s.loop_busy.to_bits(), busy.to_bits(), "{path:?}");
        assert_eq!(s.sequential.to_bits(), sequential.to_bits(), "{path:?}");
    }
}

/// A record holds 19 bits of line: the largest source a run takes (100 KiB,
/// nearly all newlines here) puts its code past line 102,000, and every
/// event and every replayed state reads those lines back as they are.
#[test]
fn the_last_line_of_the_largest_source_is_traced() {
    let code = "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n    print('x')\n\
                asyncio.run(f())\n";
    let pad = crate::MAX_SOURCE_BYTES - code.len();
    let src = "\n".repeat(pad) + code;
    assert_eq!(src.len(), crate::MAX_SOURCE_BYTES);
    // The lines of the sleep, the print and the last one (the source ends
    // with a newline: its last line is empty).
    let (sleep, print, last) = (pad as u32 + 3, pad as u32 + 4, pad as u32 + 6);
    assert_eq!(last as usize, src.matches('\n').count() + 1);
    assert!(last <= log::MAX_LINE);
    let r = crate::run(&src, &crate::Settings::default());
    assert_eq!(r.trace.output.len(), 1);
    let lines: Vec<u32> = r.trace.events.iter().map(|e| e.line).collect();
    assert!(
        lines.contains(&sleep) && lines.contains(&print),
        "{lines:?}"
    );
    assert!(lines
        .iter()
        .all(|&l| l == 0 || (sleep - 2..last).contains(&l)));
    let tr = &r.trace;
    for step in 0..=tr.events.len() as u32 {
        let replayed = tr.state_at(step).tasks;
        let mut want = vec![TaskState::UNBORN; tr.tasks.len()];
        for (i, e) in tr.events.iter().take(step as usize).enumerate() {
            if let Some(s) = want.get_mut(e.task as usize) {
                s.apply(i as u32, &e);
            }
        }
        assert_eq!(replayed, want, "step {step}");
    }
}

/// An event made elsewhere with a line past what a record holds keeps the
/// largest (no run makes one), and a serialized trace with one is refused.
#[test]
fn a_line_past_what_a_record_holds() {
    let mut e = ev(0.5, 0, EventKind::Ready);
    e.line = log::MAX_LINE;
    let mut log: EventLog = [e].into_iter().collect();
    log.push(Event {
        line: log::MAX_LINE + 1,
        ..e
    });
    log.push(Event {
        line: u32::MAX,
        ..e
    });
    assert!(log.iter().all(|got| got == e));
    let json = |line: u32| {
        format!(r#"[{{"t":0.5,"iter":0,"task":0,"line":{line},"kind":{{"kind":"ready"}}}}]"#)
    };
    let read = |line| serde_json::from_str::<EventLog>(&json(line));
    assert!(read(log::MAX_LINE).is_ok_and(|l| l.get(0) == Some(e)));
    assert!(read(log::MAX_LINE + 1).is_err());
}
