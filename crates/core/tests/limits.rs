//! SPEC §5: every limit ends the run with a clear message and status `Limit`, never a hang or a crash.

use loopscope_core::{run, Limits, RunEnd, Settings, Status};

fn with_limits(limits: Limits) -> Settings {
    Settings {
        limits,
        ..Settings::default()
    }
}

fn limit_message(src: &str, settings: &Settings) -> String {
    let r = run(src, settings);
    assert_eq!(
        r.status,
        Status::Limit,
        "expected a limit, got {:?}: {:?}",
        r.status,
        r.stderr
    );
    match r.trace.end {
        RunEnd::Limit { message } => message,
        other => panic!("trace end {other:?}"),
    }
}

#[test]
fn an_infinite_loop_without_await_hits_the_step_budget() {
    let s = with_limits(Limits {
        max_steps: 100_000,
        ..Limits::default()
    });
    let m = limit_message("n = 0\nwhile True:\n    n += 1\n", &s);
    assert!(m.contains("step limit") && m.contains("100000"), "{m}");
}

#[test]
fn a_sleep_zero_loop_forever_hits_the_step_budget() {
    let s = with_limits(Limits {
        max_steps: 100_000,
        ..Limits::default()
    });
    let src = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n";
    assert!(limit_message(src, &s).contains("step limit"));
}

#[test]
fn sleeping_past_the_horizon_stops_at_the_time_limit() {
    let src = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(100)\nasyncio.run(main())\n";
    let m = limit_message(src, &Settings::default());
    assert!(m.contains("time limit") && m.contains("3600"), "{m}");
    let r = run(src, &Settings::default());
    assert!(r.trace.end_time > 3600.0 && r.trace.end_time <= 3700.0);
}

#[test]
fn runaway_task_creation_hits_the_task_limit() {
    let s = with_limits(Limits {
        max_tasks: 500,
        ..Limits::default()
    });
    let src = "import asyncio\nasync def f():\n    await asyncio.sleep(1)\nasync def main():\n    while True:\n        asyncio.create_task(f())\nasyncio.run(main())\n";
    let m = limit_message(src, &s);
    assert!(m.contains("task limit") && m.contains("500"), "{m}");
}

#[test]
fn deep_recursion_hits_the_depth_limit() {
    let m = limit_message(
        "def f(n):\n    return f(n + 1)\nf(0)\n",
        &Settings::default(),
    );
    assert!(m.contains("recursion limit") && m.contains("1000"), "{m}");
    let src = "import asyncio\nasync def f(n):\n    return await f(n + 1)\nasyncio.run(f(0))\n";
    assert!(limit_message(src, &Settings::default()).contains("recursion limit"));
    // Recursion through a builtin's callback is Rust recursion: capped early.
    let src = "def f(x):\n    return sorted([1, 2], key=f)\nf(0)\n";
    assert!(limit_message(src, &Settings::default()).contains("recursion limit"));
}

#[test]
fn a_huge_program_is_refused() {
    let src = "x = 1\n".repeat(20_000);
    let m = limit_message(&src, &Settings::default());
    assert!(m.contains("100 KB"), "{m}");
}

#[test]
fn huge_output_hits_the_output_limit() {
    let s = with_limits(Limits {
        max_output_bytes: 1 << 20,
        ..Limits::default()
    });
    let m = limit_message("while True:\n    print('x' * 1000)\n", &s);
    assert!(m.contains("output limit"), "{m}");
}

#[test]
fn a_run_within_limits_is_not_affected() {
    let r = run("import asyncio\nasync def main():\n    await asyncio.sleep(3599)\n    print('ok')\nasyncio.run(main())\n", &Settings::default());
    assert_eq!(r.status, Status::Ok);
    assert_eq!(r.trace.output[0].text, "ok");
}
