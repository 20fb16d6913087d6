//! Threads, processes, cores and the GIL (SPEC §2 "Threads and cores"): the
//! worked figures of the threads issue, each derived by hand from SPEC's rules
//! in the comment above it. (CPython's oracle cannot run threads on the virtual
//! clock, so these expectations are hand derivations, not recorded output.)

use loopscope_core::{run, Settings, Status, ThreadSpot};

fn lines(src: &str, cores: u32, gil: bool) -> Vec<String> {
    let r = run(
        src,
        &Settings {
            cores,
            gil,
            ..Settings::default()
        },
    );
    assert_eq!(r.status, Status::Ok, "{:?}", r.stderr);
    r.trace.output.into_iter().map(|l| l.text).collect()
}

fn times(line: &str) -> Vec<f64> {
    line.trim_matches(|c| c == '[' || c == ']')
        .split(", ")
        .map(|x| x.parse().unwrap_or(f64::NAN))
        .collect()
}

/// Round to the millisecond (the clock adds up 5 ms slices in floating point).
fn ms(v: &[f64]) -> Vec<f64> {
    v.iter().map(|x| (x * 1000.0).round() / 1000.0).collect()
}

const SLEEPERS: &str = "import asyncio, time
async def one():
    await asyncio.to_thread(time.sleep, 1)
    return time.monotonic()
async def main():
    print(max(await asyncio.gather(*(one() for _ in range(8)))))
    t0 = time.monotonic()
    r = await asyncio.gather(*(one() for _ in range(12)))
    print(max(r) - t0)
asyncio.run(main())
";

#[test]
fn the_default_pool_has_cores_plus_four_workers() {
    // time.sleep needs neither a core nor the GIL: 8 sleepers in the pool of
    // min(32, 4 + 4) = 8 workers all end at 1.0; 12 need two rounds: 2.0.
    assert_eq!(lines(SLEEPERS, 4, true), ["1.0", "2.0"]);
    // With 2 cores the pool has 6 workers: 8 sleepers take two rounds.
    assert_eq!(lines(SLEEPERS, 2, true)[0], "2.0");
}

const CPU4: &str = "import asyncio, time
def work():
    cpu(1)
    return time.monotonic()
async def main():
    print(sorted(await asyncio.gather(*(asyncio.to_thread(work) for _ in range(4)))))
asyncio.run(main())
";

#[test]
fn cpu_bound_threads_take_turns_on_the_gil() {
    // One GIL: one thread computes at a time, handing over every 5 ms to the
    // longest waiter. After 199 rounds of four 5 ms turns (3.980 s) each has
    // 5 ms left and they finish in turn order.
    assert_eq!(
        ms(&times(&lines(CPU4, 4, true)[0])),
        [3.985, 3.99, 3.995, 4.0]
    );
    // Without the GIL, 4 threads on 4 cores run in parallel.
    assert_eq!(times(&lines(CPU4, 4, false)[0]), [1.0, 1.0, 1.0, 1.0]);
    // Without the GIL on 2 cores: round-robin 5 ms slices, two at a time; all
    // done by 2.000 and none before 1.990.
    let t = ms(&times(&lines(CPU4, 2, false)[0]));
    assert!(t.iter().all(|&x| (1.99..=2.0).contains(&x)), "{t:?}");
}

const PROCESSES: &str = "import asyncio, time
from concurrent.futures import ProcessPoolExecutor
def work():
    cpu(1)
    return time.monotonic()
async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(4) as pool:
        r = await asyncio.gather(*(loop.run_in_executor(pool, work) for _ in range(8)))
    print(sorted(r))
asyncio.run(main())
";

#[test]
fn processes_have_their_own_gil() {
    // 4 processes on 4 cores: each has its own GIL, so 8 one-second jobs take two rounds.
    for gil in [true, false] {
        assert_eq!(
            times(&lines(PROCESSES, 4, gil)[0]),
            [1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0]
        );
    }
}

const TICKER: &str = "import asyncio, time
def crunch():
    cpu(1)
    return time.monotonic()
async def ticker():
    for _ in range(12):
        await asyncio.sleep(0.1)
        print(f'{time.monotonic():.3f}')
async def main():
    r = await asyncio.gather(ticker(), asyncio.to_thread(crunch))
    print('worker', r[1])
asyncio.run(main())
";

#[test]
fn a_cpu_bound_thread_delays_every_wake_up_of_the_loop_by_the_switch_interval() {
    // The worker holds the GIL while the loop waits in select. Each timer wakes
    // the loop, which then waits 5 ms for the GIL: 0.105, then sleep(0.1) from
    // 0.105 is due at 0.205, + 5 ms = 0.210, … The worker never waits (the
    // loop's Python takes no time), so it ends at 1.000; after that, the period
    // is 0.100 again (0.945 → 1.045 → 1.145 → 1.245).
    let out = lines(TICKER, 4, true);
    assert_eq!(
        out,
        [
            "0.105",
            "0.210",
            "0.315",
            "0.420",
            "0.525",
            "0.630",
            "0.735",
            "0.840",
            "0.945",
            "1.045",
            "1.145",
            "1.245",
            "worker 1.0"
        ]
    );
    // Without the GIL the ticks are on time.
    assert_eq!(lines(TICKER, 4, false)[..3], ["0.100", "0.200", "0.300"]);
}

const REQUESTS: &str = "import asyncio, time
async def blocking_handler():
    time.sleep(0.2)
def sync_handler():
    time.sleep(0.2)
async def good_handler():
    await asyncio.sleep(0.2)
async def main():
    t0 = time.monotonic()
    await asyncio.gather(*(blocking_handler() for _ in range(5)))
    print(round(time.monotonic() - t0, 3))
    t0 = time.monotonic()
    await asyncio.gather(*(asyncio.to_thread(sync_handler) for _ in range(5)))
    print(round(time.monotonic() - t0, 3))
    t0 = time.monotonic()
    await asyncio.gather(*(good_handler() for _ in range(5)))
    print(round(time.monotonic() - t0, 3))
asyncio.run(main())
";

#[test]
fn fastapi_style_handlers() {
    // async def + time.sleep: five 0.2 s blocks one after another on the loop
    // thread (1.0); def in the pool: five threads sleep at once (0.2);
    // async def + await asyncio.sleep: five timers at once (0.2).
    assert_eq!(lines(REQUESTS, 4, true), ["1.0", "0.2", "0.2"]);
}

#[test]
fn the_trace_names_threads_and_single_thread_runs_have_none() {
    let r = run(CPU4, &Settings::default());
    let names: Vec<&str> = r.trace.threads.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "MainThread",
            "asyncio_0",
            "asyncio_1",
            "asyncio_2",
            "asyncio_3"
        ]
    );
    assert!(r
        .trace
        .events
        .iter()
        .any(|e| matches!(e.kind, loopscope_core::EventKind::Thread { .. })));
    let r = run(
        "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n",
        &Settings::default(),
    );
    assert!(r.trace.threads.is_empty());
}

#[test]
fn a_thread_error_reaches_the_awaiting_task() {
    let src = "import asyncio\ndef bad():\n    raise ValueError('in a thread')\nasync def main():\n    try:\n        await asyncio.to_thread(bad)\n    except ValueError as e:\n        print('caught', e)\nasyncio.run(main())\n";
    assert_eq!(lines(src, 4, true), ["caught in a thread"]);
}

#[test]
fn a_snapshot_shows_where_a_worker_thread_is() {
    // The worker blocks in time.sleep on line 4 of work() from t=0 to t=1;
    // at t=0.5 the snapshot must point at work(), line 4, and the loop thread
    // (whose code is shown in the task lanes) at nothing.
    let src = "import asyncio\nimport time\ndef work():\n    time.sleep(1)\nasync def main():\n    await asyncio.to_thread(work)\nasyncio.run(main())\n";
    let r = run(src, &Settings::default());
    let snap = r.trace.state_at(r.trace.step_at_time(0.5));
    let spots = &snap.thread_spots;
    assert_eq!(spots.len(), 2, "{spots:?}");
    assert_eq!(spots[0], ThreadSpot::default());
    assert_eq!(
        spots[1],
        ThreadSpot {
            line: 4,
            function: Some("work".to_string())
        }
    );
}

#[test]
fn submit_is_refused_with_a_pointer_to_run_in_executor() {
    let src = "import asyncio\nfrom concurrent.futures import ThreadPoolExecutor\ndef f(x):\n    return x\nasync def main():\n    with ThreadPoolExecutor(2) as ex:\n        ex.submit(f, 2)\nasyncio.run(main())\n";
    let r = run(src, &Settings::default());
    assert_eq!(r.status, Status::Exception);
    let last = r.stderr.last().cloned().unwrap_or_default();
    assert!(
        last.starts_with("AttributeError: 'ThreadPoolExecutor' object has no attribute 'submit'")
            && last.contains("loop.run_in_executor"),
        "{last}"
    );
}

// Found by the scheduler's property test over generated programs (issue 6).
//
// Two tasks each block the loop with time.sleep(0.1), then hand
// time.sleep(0.5) to a thread. The first task's thread starts at 0.1 (its
// sleep releases the GIL, so the loop's second time.sleep runs meanwhile,
// 0.1-0.2) and ends at 0.6; the second's starts at 0.2 and ends at 0.7, when
// gather completes. The loop used to spin forever when it woke from its own
// time.sleep and got the GIL in the same turn (the wait ended on "waiting for
// the GIL", a state it had already passed), and a zero-length sleep in a
// thread left it waiting for a GIL nobody would grant.
#[test]
fn waking_from_time_sleep_straight_into_the_gil_is_not_a_livelock() {
    let src = "import asyncio, time
async def w():
    time.sleep(0.1)
    await asyncio.to_thread(time.sleep, 0.5)
    return time.monotonic()
async def main():
    print(await asyncio.gather(w(), w()))
    print(await asyncio.to_thread(time.sleep, 0), time.monotonic())
asyncio.run(main())
";
    let out = lines(src, 4, true);
    assert_eq!(ms(&times(&out[0])), vec![0.6, 0.7], "{out:?}");
    assert_eq!(out[1], "None 0.7");
}
