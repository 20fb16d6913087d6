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

// Found while fuzzing (issue 6): values that grow without bound, and
// builtins that do much work in one step. Each ends promptly and says why.

/// Smaller limits than the defaults, so that these tests are quick in debug builds.
fn small() -> Settings {
    with_limits(Limits {
        max_steps: 1_000_000,
        max_memory: 64 << 20,
        ..Limits::default()
    })
}

fn last_stderr(src: &str) -> String {
    let r = run(src, &small());
    assert_eq!(
        r.status,
        Status::Exception,
        "{:?}: {:?}",
        r.status,
        r.stderr
    );
    r.stderr.last().cloned().unwrap_or_default()
}

/// How a program that grows a value forever ends: a MemoryError at the size
/// cap, or one of the limits, whichever comes first; never a hang.
fn growth_end(src: &str) -> String {
    let r = run(src, &small());
    let last = r.stderr.last().cloned().unwrap_or_default();
    assert!(
        matches!(r.status, Status::Exception | Status::Limit),
        "{src}: {:?} {last}",
        r.status
    );
    last
}

#[test]
fn a_string_doubled_forever_ends_with_a_clear_message() {
    let m = growth_end("s = 'a'\nwhile True:\n    s += s\n");
    assert!(
        m == "MemoryError: loopscope builds a string of at most 100 MB"
            || m.contains("step limit reached"),
        "{m}"
    );
}

#[test]
fn a_list_doubled_forever_ends_with_a_clear_message() {
    for grow in ["l.extend(l)", "l += l", "l[len(l):] = l", "l = l * 2"] {
        let m = growth_end(&format!("l = [0]\nwhile True:\n    {grow}\n"));
        assert!(
            m == "MemoryError: loopscope builds a list of at most 10 million items"
                || m.contains("memory limit reached")
                || m.contains("step limit reached"),
            "{grow}: {m}"
        );
    }
}

#[test]
fn a_huge_repeat_or_join_raises_memory_error_at_once() {
    for (src, what) in [
        ("x = 'a' * 10**10\n", "string"),
        ("x = [0] * 10**10\n", "list"),
        ("x = list(range(10**9))\n", "list"),
        ("x = ''.join(['a' * 10**6] * 1000)\n", "string"),
        ("x = ('a' * 10**6).replace('a', 'bb' * 100)\n", "string"),
    ] {
        let m = last_stderr(src);
        assert!(
            m.starts_with("MemoryError: loopscope builds a ") && m.contains(what),
            "{src}: {m}"
        );
    }
}

#[test]
fn building_big_values_over_and_over_hits_the_memory_limit() {
    // Growth in place costs no steps: only the memory limit stops it.
    let src = "big = [0] * 10**6\nm = []\nwhile True:\n    m.append([])\n    m[-1] += big\n";
    let m = limit_message(src, &small());
    assert_eq!(
        m,
        "memory limit reached: the program built more than 64 MB of strings, lists and dicts"
    );
    // Building big values also costs steps: one limit or the other, soon.
    for src in [
        "l = []\nwhile True:\n    l.append('a' * 10**7 + str(len(l)))\n",
        "m = []\nwhile True:\n    m.append(list(range(10**6)))\n",
    ] {
        let m = limit_message(src, &small());
        assert!(
            m.starts_with("memory limit reached") || m.starts_with("step limit reached"),
            "{src}: {m}"
        );
    }
}

#[test]
fn a_new_list_is_counted_once() {
    // Items of 24 bytes: 16.8 MB, then 33.6 MB, 50.4 MB built, under the
    // 64 MiB limit. (Each was also counted as growth of its left operand
    // once, 84 MB in all.)
    let r = run("a = [0] * 700_000\nb = a + a\nprint(len(b))\n", &small());
    assert_eq!(r.status, Status::Ok, "{:?}", r.stderr);
    assert_eq!(r.trace.output[0].text, "1400000");
    // And 50.4 MB more is over it.
    let m = limit_message("a = [0] * 700_000\nb = a + a\nc = b + a\n", &small());
    assert!(m.starts_with("memory limit reached"), "{m}");
}

#[test]
fn builtins_over_big_lists_count_against_the_step_budget() {
    for src in [
        "x = [[0] * 10000] * 10000\nprint(sum(map(sum, x)))\n",
        "x = [0] * 10**6\nwhile True:\n    x.count(1)\n",
        "x = [0] * 10**6\nwhile True:\n    5 in x\n",
        "x = [[0] * 10000] * 10000\nprint(sum(len(str(r)) for r in x))\n",
    ] {
        let m = limit_message(src, &small());
        assert!(m.starts_with("step limit reached"), "{src}: {m}");
    }
}

#[test]
fn a_print_of_millions_of_short_lines_ends_with_all_of_them() {
    // Splitting it used to move the rest of the text for every line: a hang.
    let r = run("print('a\\n' * 300_000, end='')\n", &Settings::default());
    assert_eq!(r.status, Status::Ok, "{:?}", r.stderr);
    assert_eq!(r.trace.output.len(), 300_000);
}

#[test]
fn ordinary_work_on_big_lists_stays_within_the_budget() {
    let r = run(
        "x = [0] * 10**6\nprint(sorted(x)[:1], max(x), min(x), len(list(x)), x.count(0), 1 in x, len(str(x)))\n",
        &Settings::default(),
    );
    assert_eq!(r.status, Status::Ok, "{:?}", r.stderr);
    assert_eq!(
        r.trace.output[0].text,
        "[0] 0 0 1000000 1000000 False 3000000"
    );
}
