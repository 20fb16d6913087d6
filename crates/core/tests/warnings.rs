//! CPython's runtime warnings and loopscope's teaching lints, and `check()`'s diagnostics.

use loopscope_core::{check, run, EventKind, RunEnd, Settings, Status};

fn warnings(src: &str) -> Vec<(u32, String)> {
    run(src, &Settings::default())
        .trace
        .warnings
        .into_iter()
        .map(|w| (w.line, w.message))
        .collect()
}

#[test]
fn a_coroutine_that_is_never_awaited_is_reported_with_its_line() {
    let src = "import asyncio\nasync def save():\n    pass\nasync def main():\n    save()\n    await asyncio.sleep(1)\nasyncio.run(main())\n";
    let w = warnings(src);
    assert_eq!(
        w,
        vec![(
            5,
            "RuntimeWarning: coroutine 'save' was never awaited".to_string()
        )]
    );
    // It is an event of the run, at the moment the coroutine was dropped.
    let r = run(src, &Settings::default());
    let at = r
        .trace
        .events
        .iter()
        .find(|e| matches!(e.kind, EventKind::Warning { .. }))
        .map(|e| e.t);
    assert_eq!(at, Some(0.0));
}

#[test]
fn a_finished_task_is_freed_with_its_last_reference_as_in_cpython() {
    // A task's result, a coroutine never awaited: CPython frees the task
    // (its loop keeps tasks in a WeakSet) when main's step that awaited it
    // ends, and warns then, at 0 s, before the clock moves on
    // (`python3 -u ../shared/tools/asyncio_oracle.py` shows the warning
    // between "after" and "end"). It was said at the end of the run, after
    // "end", while the loop held every task it ever made.
    let src = "import asyncio\n\n\nasync def c():\n    pass\n\n\nasync def w():\n    return c()\n\n\nasync def main():\n    await asyncio.create_task(w())\n    print(\"after\")\n    await asyncio.sleep(1)\n    print(\"end\")\n\n\nasyncio.run(main())\n";
    assert_eq!(
        warnings(src),
        vec![(
            9,
            "RuntimeWarning: coroutine 'c' was never awaited".to_string()
        )]
    );
    let r = run(src, &Settings::default());
    let at = |f: &dyn Fn(&EventKind) -> bool| r.trace.events.iter().position(|e| f(&e.kind));
    let warned = at(&|k| matches!(k, EventKind::Warning { .. }));
    let after = at(&|k| matches!(k, EventKind::Print { line: 0 }));
    let end = at(&|k| matches!(k, EventKind::Print { line: 1 }));
    let (Some(warned), Some(after), Some(end)) = (warned, after, end) else {
        panic!("no warning event, or not both prints: {warned:?} {after:?} {end:?}")
    };
    assert!(after < warned && warned < end, "{after} {warned} {end}");
    assert_eq!(r.trace.events.get(warned).map(|e| e.t), Some(0.0));
}

#[test]
fn asyncios_own_coroutines_are_reported_too() {
    let w =
        warnings("import asyncio\nasync def main():\n    asyncio.sleep(1)\nasyncio.run(main())\n");
    assert_eq!(
        w,
        vec![(
            3,
            "RuntimeWarning: coroutine 'sleep' was never awaited".to_string()
        )]
    );
}

#[test]
fn a_coroutine_is_named_by_its_qualified_name_as_cpython_does() {
    // The names and lines are CPython 3.11's for this program
    // (../shared/tools/asyncio_oracle.py prints them on stderr).
    let src = "import asyncio\n\nasync def main():\n    def inner():\n        async def g():\n            pass\n        return g\n    inner()()\n    q = asyncio.Queue()\n    q.put(1)\n    q.get()\n    q.join()\n    asyncio.Lock().acquire()\n    asyncio.Semaphore().acquire()\n    asyncio.Event().wait()\n    c = asyncio.Condition()\n    c.wait()\n    c.acquire()\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n";
    let expected = [
        (8, "main.<locals>.inner.<locals>.g"),
        (10, "Queue.put"),
        (11, "Queue.get"),
        (12, "Queue.join"),
        (13, "Lock.acquire"),
        (14, "Semaphore.acquire"),
        (15, "Event.wait"),
        (17, "Condition.wait"),
        (18, "Lock.acquire"),
    ]
    .map(|(line, name)| {
        (
            line,
            format!("RuntimeWarning: coroutine '{name}' was never awaited"),
        )
    });
    assert_eq!(warnings(src), expected);
}

#[test]
fn a_task_exception_nobody_retrieves_is_reported() {
    let src = "import asyncio\nasync def boom():\n    raise ValueError('lost')\nasync def main():\n    asyncio.create_task(boom())\n    await asyncio.sleep(1)\nasyncio.run(main())\n";
    let w = warnings(src);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].1.starts_with("Task exception was never retrieved"),
        "{w:?}"
    );
    assert!(w[0].1.contains("ValueError('lost')"), "{w:?}");
    // Retrieving it (await, result(), exception(), gather) silences the warning.
    let src = src.replace(
        "    asyncio.create_task(boom())\n",
        "    t = asyncio.create_task(boom())\n    await asyncio.sleep(0.5)\n    t.exception()\n",
    );
    assert!(warnings(&src).is_empty());
}

#[test]
fn time_sleep_inside_async_def_is_linted() {
    let w = warnings("import asyncio\nimport time\nasync def main():\n    time.sleep(0.1)\ndef ok():\n    time.sleep(0.1)\nasyncio.run(main())\nok()\n");
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].0, 4);
    assert!(w[0].1.contains("await asyncio.sleep()"));
}

#[test]
fn check_reports_positions_and_messages() {
    assert!(
        check("import asyncio\nasyncio.run(main())\n").is_empty(),
        "names are resolved at run time"
    );
    let e = check("async def f():\n    yield 1\n");
    assert_eq!((e[0].line, e[0].col), (2, 5));
    assert!(
        e[0].message.contains("unsupported: 'yield'"),
        "{}",
        e[0].message
    );
    let e = check("import numpy\n");
    assert!(e[0].message.contains("module 'numpy'"), "{}", e[0].message);
    let e = check("x = (1,\n");
    assert!(
        e[0].message.contains("'(' was never closed"),
        "{}",
        e[0].message
    );
    let e = check("def f():\n    await g()\n");
    assert!(
        e[0].message.contains("'await' outside async function"),
        "{}",
        e[0].message
    );
}

#[test]
fn uncaught_exceptions_carry_name_message_and_line() {
    let r = run("x = 1\ny = [][x]\n", &Settings::default());
    assert_eq!(r.status, Status::Exception);
    assert_eq!(
        r.trace.end,
        RunEnd::Exception {
            message: "IndexError: list index out of range".into(),
            line: 2
        }
    );
}
