//! Trace invariants over every program we have plus generated ones: runs are
//! deterministic, virtual time never goes back, every task moves between lanes
//! only along the edges CPython's Task allows, one task runs at a time, and
//! `state_at` agrees with a replay from the start.

use std::path::Path;

use loopscope_core::{run, Session, Settings, Trace};

fn corpus() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        root.join("tests/programs"),
        root.join("../../../shared/conformance"),
    ] {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for p in files {
            if p.extension().is_some_and(|x| x == "py") {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    out.push((p.display().to_string(), s));
                }
            }
        }
    }
    for seed in 1..=40 {
        out.push((format!("generated #{seed}"), generated_program(seed)));
    }
    out
}

/// A small deterministic generator of valid programs that mix sleeps, locks,
/// queues, gathers and cancellations, so the scheduler is exercised beyond the
/// hand-written corpus.
fn generated_program(seed: u64) -> String {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |n: u64| {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) % n
    };
    let ntasks = 2 + next(6);
    let mut src = String::from("import asyncio\n\nlog = []\n\n");
    for t in 0..ntasks {
        src.push_str(&format!("async def w{t}(lock, q, ev):\n"));
        for _ in 0..(1 + next(4)) {
            let line = match next(7) {
                0 => format!("    await asyncio.sleep({})\n", next(4) as f64 / 10.0),
                1 => "    async with lock:\n        await asyncio.sleep(0.1)\n".to_string(),
                2 => format!("    await q.put({t})\n"),
                3 => "    if not q.empty():\n        log.append(q.get_nowait())\n".to_string(),
                4 => "    await asyncio.sleep(0)\n".to_string(),
                5 => "    if ev.is_set():\n        log.append('set')\n    ev.set()\n".to_string(),
                _ => format!("    log.append({t})\n"),
            };
            src.push_str(&line);
        }
        src.push_str(&format!("    return {t}\n\n"));
    }
    src.push_str("async def main():\n    lock = asyncio.Lock()\n    q = asyncio.Queue()\n    ev = asyncio.Event()\n");
    src.push_str("    tasks = [");
    for t in 0..ntasks {
        src.push_str(&format!("asyncio.create_task(w{t}(lock, q, ev)), "));
    }
    src.push_str("]\n");
    if next(3) == 0 {
        src.push_str(&format!(
            "    await asyncio.sleep({})\n    tasks[0].cancel()\n",
            next(3) as f64 / 10.0
        ));
    }
    src.push_str("    print(await asyncio.gather(*tasks, return_exceptions=True), log)\n\nasyncio.run(main())\n");
    src
}

fn check_invariants(name: &str, trace: &Trace) {
    if let Err(e) = trace.check_invariants() {
        panic!("{name}: {e}");
    }
}

#[test]
fn every_run_keeps_the_trace_invariants() {
    for (name, src) in corpus() {
        let r = run(&src, &Settings::default());
        check_invariants(&name, &r.trace);
    }
}

#[test]
fn the_same_program_gives_the_same_trace_twice() {
    for (name, src) in corpus() {
        let a = serde_json::to_string(&run(&src, &Settings::default()).trace).unwrap_or_default();
        let b = serde_json::to_string(&run(&src, &Settings::default()).trace).unwrap_or_default();
        assert!(!a.is_empty());
        assert!(a == b, "{name}: two runs gave different traces");
    }
}

/// A session advanced in slices (as the page does for long runs) gives the
/// same run as `run`, whatever the slice size: same trace, status and stderr.
#[test]
fn a_run_in_slices_is_the_same_run() {
    // Programs that block the loop, end with a limit, deadlock or raise are
    // in the corpus too; the sliced run must stop the same way.
    let max_steps = Settings::default().limits.max_steps as usize;
    for (name, src) in corpus() {
        let whole = run(&src, &Settings::default());
        let want = serde_json::to_string(&whole.trace).unwrap_or_default();
        assert!(!want.is_empty());
        for slice in [1usize, 5, 64] {
            let mut session = Session::new(&src, &Settings::default());
            let mut slices = 0usize;
            // Each slice ends after `slice` events, or pauses Python that
            // runs without events after at least `slice` steps.
            let most = whole.trace.events.len() + 2 + max_steps / slice;
            while !session.advance(slice) {
                slices += 1;
                assert!(slices <= most, "{name}: no progress");
            }
            // The end (a last partial line, say) may add an event or two.
            let (events, _) = session.progress();
            assert!(events <= whole.trace.events.len(), "{name}");
            let sliced = session.finish();
            assert_eq!(sliced.status, whole.status, "{name}, slices of {slice}");
            assert_eq!(sliced.stderr, whole.stderr, "{name}, slices of {slice}");
            let got = serde_json::to_string(&sliced.trace).unwrap_or_default();
            assert!(got == want, "{name}: slices of {slice} gave another trace");
        }
    }
}

/// Checkpoints built slice by slice (as a session goes) seek exactly as those
/// of a run built at once, and both agree with the timers table and a replay:
/// on a run long enough for many checkpoints, with timers that are cancelled
/// (wait_for timeouts) as well as fired.
#[test]
fn checkpoints_built_in_slices_seek_like_a_whole_run() {
    let src = "import asyncio\n\nasync def w(i):\n    for k in range(30):\n        try:\n            await asyncio.wait_for(asyncio.sleep(0.001 * ((i * 7 + k) % 5)), 0.003)\n        except TimeoutError:\n            pass\n\nasync def main():\n    await asyncio.gather(*(w(i) for i in range(300)))\n\nasyncio.run(main())\n";
    let whole = run(src, &Settings::default());
    assert_eq!(whole.status.exit_code(), 0, "{:?}", whole.stderr);
    let trace = &whole.trace;
    let n = trace.events.len() as u32;
    assert!(n > 30_000, "{n} events: too few for many checkpoints");
    for slice in [333usize, 5_000] {
        let mut session = Session::new(src, &Settings::default());
        while !session.advance(slice) {}
        let sliced = session.finish();
        for k in (0..=n).step_by(997).chain([1, n - 1, n]) {
            let want = trace.state_at(k);
            assert_eq!(
                sliced.trace.state_at(k),
                want,
                "step {k}, slices of {slice}"
            );
            // Pending timers by the table: scheduled by step k, not ended by it.
            let mut timers: Vec<u32> = (0..trace.timers.len() as u32)
                .filter(|&t| {
                    let r = &trace.timers[t as usize];
                    r.added <= k && k < r.ended
                })
                .collect();
            timers.sort_by(|&a, &b| {
                trace.timers[a as usize]
                    .due
                    .total_cmp(&trace.timers[b as usize].due)
                    .then(a.cmp(&b))
            });
            assert_eq!(want.timers, timers, "step {k}");
        }
    }
    check_invariants("wait_for fan-out", trace);
}

/// A slice can end in the middle of a pass: 300 tasks stepping in the same
/// pass are not one slice.
#[test]
fn a_slice_can_end_inside_a_pass() {
    let src = "import asyncio\n\nasync def w():\n    await asyncio.sleep(0)\n\nasync def main():\n    await asyncio.gather(*(w() for _ in range(300)))\n\nasyncio.run(main())\n";
    let whole = run(src, &Settings::default());
    let passes = whole.trace.summary.iterations;
    assert!(passes < 10, "{passes} passes");
    let mut session = Session::new(src, &Settings::default());
    let mut slices = 1;
    while !session.advance(50) {
        slices += 1;
    }
    // About 1,500 events in slices of 50: many more slices than passes.
    assert!(slices > 20, "{slices} slices for {passes} passes");
    let sliced = session.finish();
    assert_eq!(
        serde_json::to_string(&sliced.trace).unwrap_or_default(),
        serde_json::to_string(&whole.trace).unwrap_or_default()
    );
}

/// A run stopped half way ends as a limit does, with the events so far.
#[test]
fn a_stopped_session_ends_with_what_ran() {
    let src = "import asyncio\n\nasync def main():\n    for i in range(1000):\n        await asyncio.sleep(0.001)\n    print('end')\n\nasyncio.run(main())\n";
    let whole = run(src, &Settings::default());
    let mut session = Session::new(src, &Settings::default());
    assert!(!session.advance(500));
    let (so_far, _) = session.progress();
    session.stop();
    assert!(
        session.advance(10),
        "a stopped run is over at the next advance"
    );
    let r = session.finish();
    assert_eq!(r.status, loopscope_core::Status::Limit);
    let n = r.trace.events.len();
    assert!(
        n >= so_far && n < whole.trace.events.len() / 2,
        "{n} events"
    );
    assert!(r.trace.output.is_empty(), "it did not print 'end'");
    assert!(
        r.stderr
            .last()
            .is_some_and(|l| l.contains("stopped before the end")),
        "{:?}",
        r.stderr
    );
    // The trace is whole as far as it goes: seeking works to its end.
    check_invariants("stopped", &r.trace);
}

/// Slices really pause the loop: a program with many passes needs many slices.
#[test]
fn a_long_run_takes_many_slices() {
    let src = "import asyncio\nasync def main():\n    for i in range(1000):\n        await asyncio.sleep(0.001)\nasyncio.run(main())\n";
    let mut session = Session::new(src, &Settings::default());
    let mut slices = 1;
    while !session.advance(100) {
        slices += 1;
        let (events, t) = session.progress();
        assert!(events > 0 && t > 0.0);
    }
    // 1,000 sleeps make 3 events each (waiting, clock jump, ready) and more:
    // slices of 100 events need at least 30.
    assert!(slices >= 30, "{slices} slices");
    assert_eq!(session.finish().status.exit_code(), 0);
}

#[test]
fn generated_programs_finish_cleanly() {
    for seed in 1..=40 {
        let src = generated_program(seed);
        let r = run(&src, &Settings::default());
        assert!(
            r.compile_errors.is_empty(),
            "generated #{seed} does not compile: {:?}\n{src}",
            r.compile_errors
        );
        assert_eq!(
            r.status.exit_code(),
            0,
            "generated #{seed} ended {:?}: {:?}\n{src}",
            r.status,
            r.stderr
        );
        assert_eq!(r.trace.output.len(), 1, "generated #{seed} prints one line");
    }
}

/// `await asyncio.sleep(…)`, `await queue.get()` and the like are made
/// without a coroutine object; awaiting the object kept in a variable (on
/// the same line) must give the very same run, event for event.
#[test]
fn awaiting_a_call_directly_is_awaiting_its_coroutine() {
    let template = r#"import asyncio
from asyncio import sleep


async def worker(i, q, lock, ev, sem):
    AWAIT ev.wait()
    AWAIT asyncio.sleep(0.01 * i)
    AWAIT lock.acquire()
    try:
        AWAIT sleep(0)
    finally:
        lock.release()
    AWAIT sem.acquire()
    AWAIT q.put(i)
    sem.release()
    try:
        AWAIT asyncio.sleep("later")
    except TypeError as e:
        print(i, e)


async def main():
    q = asyncio.Queue(maxsize=1)
    lock, ev, sem = asyncio.Lock(), asyncio.Event(), asyncio.Semaphore(2)
    ts = [asyncio.create_task(worker(i, q, lock, ev, sem)) for i in range(4)]
    AWAIT asyncio.sleep(0.5, "set")
    ev.set()
    for _ in range(4):
        print("got", await q.get())
    long = asyncio.create_task(asyncio.sleep(10))
    AWAIT sleep(0)
    long.cancel()
    AWAIT asyncio.gather(*ts, long, return_exceptions=True)
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())
"#;
    let direct = template.replace("AWAIT ", "await ");
    let mut kept = String::new();
    for line in template.lines() {
        match line.split_once("AWAIT ") {
            Some((indent, call)) => kept.push_str(&format!("{indent}c = {call}; await c\n")),
            None => kept.push_str(&format!("{line}\n")),
        }
    }
    let a = run(&direct, &Settings::default());
    let b = run(&kept, &Settings::default());
    assert_eq!(a.status, loopscope_core::Status::Ok, "{:?}", a.stderr);
    assert_eq!(b.status, loopscope_core::Status::Ok, "{:?}", b.stderr);
    let text = |r: &loopscope_core::RunResult| -> Vec<String> {
        r.trace.output.iter().map(|o| o.text.clone()).collect()
    };
    assert_eq!(text(&a), text(&b));
    assert!(text(&a).contains(&"got 3".to_string()), "{:?}", text(&a));
    let (ta, tb) = (&a.trace, &b.trace);
    assert_eq!(ta.events.len(), tb.events.len());
    for (i, (x, y)) in ta.events.iter().zip(tb.events.iter()).enumerate() {
        assert_eq!(x, y, "event {i}");
    }
    assert_eq!(ta.timers.len(), tb.timers.len());
}

/// `id()` and `hash()` are numbers of the run, not addresses: a program that
/// prints them gives the same output and digest every time, whatever the
/// allocator did before (here: another run, and memory held between runs), and
/// on every platform (the numbers are written out below, so a wasm32 run is
/// held to them too). Strings hash as CPython's under `PYTHONHASHSEED=0`.
#[test]
fn ids_and_hashes_are_the_same_in_every_run() {
    let src = r#"
import asyncio


async def work(n):
    await asyncio.sleep(0)
    return n


async def main():
    tasks = [asyncio.create_task(work(i)) for i in range(3)]
    print([id(t) for t in tasks], [hash(t) for t in tasks])
    for i in range(3):
        junk = [i] * (i + 1)
        print(id(junk), id([i]), hash(str(i) * 3), hash((i, str(i))))
    print(id(2**40), id(2**40) == id(2**40), id(0.5), hash(0.5), id(None), id(main), id(print))
    print(hash("abc"), hash(""), hash("é€"), sorted(tasks, key=id) == tasks)
    print(await asyncio.gather(*tasks))


asyncio.run(main())
"#;
    let expected = "\
[139637976727568, 139637976727584, 139637976727600] [8727373545473, 8727373545474, 8727373545475]
139637976727616 139637976727632 4676933640201190212 -6411846805367747028
139637976727648 139637976727664 -3916986438397978325 -3944292576033389978
139637976727680 139637976727696 8720365845303190556 5740339159033991448
139637976727712 True 139637976727728 1152921504606846976 139637976727744 139637976727760 139637976727776
-4594863902769663758 0 1800529422896539876 True
[0, 1, 2]
";
    let first = run(src, &Settings::default());
    let out: String = first
        .trace
        .output
        .iter()
        .map(|l| format!("{}\n", l.text))
        .collect();
    assert_eq!(out, expected);
    // Hold memory of assorted sizes so the second run's objects land elsewhere.
    let held: Vec<Vec<u8>> = (1..200).map(|n| vec![0u8; n * 24]).collect();
    let second = run(src, &Settings::default());
    assert_eq!(first.digest(), second.digest());
    drop(held);
}

/// Python that runs long without an event (a CPU-bound loop: at the top of
/// the program, in a task, in a function a task calls, in a worker thread
/// the loop waits for) pauses between slices too, so the page stays
/// responsive; the run is the same run. Python run by a builtin (a key
/// function) does not pause, and still gives the same run.
#[test]
fn python_without_events_pauses_between_slices() {
    let loop_ = "    s = 0\n    for i in range(20000):\n        s += i % 7\n";
    let cases = [
        ("top level", "import asyncio\ns = 0\nfor i in range(20000):\n    s += i % 7\nprint(s)\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n".to_string(), true),
        ("in a task", format!("import asyncio\n\nasync def work(n):\n{loop_}    await asyncio.sleep(0.5)\n    print(n, s)\n\nasync def main():\n    await asyncio.gather(work(1), work(2))\n\nasyncio.run(main())\n"), true),
        ("in a call", format!("import asyncio\n\ndef crunch():\n{loop_}    return s\n\nasync def main():\n    print(crunch())\n    await asyncio.sleep(0)\n    print(crunch())\n\nasyncio.run(main())\n"), true),
        ("in a key function", "import asyncio\n\ndef key(x):\n    s = 0\n    for i in range(2000):\n        s += i\n    return -x\n\nasync def main():\n    print(sorted(range(10), key=key))\n\nasyncio.run(main())\n".to_string(), false),
        ("in a thread", format!("import asyncio\n\ndef crunch():\n{loop_}    return s\n\nasync def main():\n    print(await asyncio.to_thread(crunch))\n\nasyncio.run(main())\n"), true),
    ];
    for (name, src, pauses) in cases {
        let whole = run(&src, &Settings::default());
        assert_eq!(whole.status.exit_code(), 0, "{name}: {:?}", whole.stderr);
        let events = whole.trace.events.len();
        let mut session = Session::new(&src, &Settings::default());
        let mut slices = 1;
        while !session.advance(20) {
            slices += 1;
        }
        // 20,000 iterations are 40,000 steps: a pause every 40 steps.
        if pauses {
            assert!(slices > 500, "{name}: {slices} slices for {events} events");
        } else {
            assert!(
                slices <= events,
                "{name}: {slices} slices for {events} events"
            );
        }
        let sliced = session.finish();
        assert_eq!(sliced.status, whole.status, "{name}");
        assert_eq!(sliced.stderr, whole.stderr, "{name}");
        assert!(
            serde_json::to_string(&sliced.trace).unwrap_or_default()
                == serde_json::to_string(&whole.trace).unwrap_or_default(),
            "{name}: another trace in slices"
        );
    }
}

/// Programs with worker threads whose Python runs long: in a session's
/// slices their Python pauses (in the loop's wait for them, or after the
/// step of a `to_thread` when there is no GIL to wait for) and goes on
/// where it was, and the run is the same run as at once, whatever the
/// slice, the cores and the GIL: prints from threads between the loop's,
/// a thread raising, blocking, queueing in a small pool, processes.
#[test]
fn worker_threads_pause_between_slices_and_the_run_is_the_same() {
    let crunch = "def crunch(n, tag):\n    s = 0\n    for i in range(n):\n        s += i % 7\n        if i % 500 == 0:\n            print(tag, i)\n    return s\n\n";
    let programs = [
        ("two threads and a ticker", format!("import asyncio, time\n\n{crunch}async def tick():\n    for k in range(5):\n        print('tick', k, time.monotonic())\n        await asyncio.sleep(0.001)\n\nasync def main():\n    t = asyncio.create_task(tick())\n    print(await asyncio.gather(asyncio.to_thread(crunch, 3000, 'a'), asyncio.to_thread(crunch, 2000, 'b')))\n    await t\n\nasyncio.run(main())\n")),
        ("blocks and raises", format!("import asyncio, time\n\n{crunch}def mixed():\n    crunch(1500, 'm')\n    time.sleep(0.01)\n    crunch(1500, 'n')\n    cpu(0.02)\n    raise ValueError(crunch(700, 'o'))\n\nasync def main():\n    try:\n        await asyncio.to_thread(mixed)\n    except ValueError as e:\n        print('raised', e)\n\nasyncio.run(main())\n")),
        ("a small pool", format!("import asyncio\nfrom concurrent.futures import ThreadPoolExecutor\n\n{crunch}async def main():\n    loop = asyncio.get_running_loop()\n    with ThreadPoolExecutor(2) as pool:\n        jobs = [loop.run_in_executor(pool, crunch, 1000 * (j + 1), j) for j in range(4)]\n        print(await asyncio.gather(*jobs))\n\nasyncio.run(main())\n")),
        ("processes", format!("import asyncio\nfrom concurrent.futures import ProcessPoolExecutor\n\n{crunch}async def main():\n    loop = asyncio.get_running_loop()\n    with ProcessPoolExecutor(2) as pool:\n        jobs = [loop.run_in_executor(pool, crunch, 1200, j) for j in range(3)]\n        print(await asyncio.gather(*jobs))\n\nasyncio.run(main())\n")),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpus: Vec<(String, String)> = programs
        .into_iter()
        .map(|(n, s)| (n.to_string(), s))
        .collect();
    for file in [
        "../web/samples/gil-convoy.py",
        "../web/samples/parallel-burgers.py",
        "../web/samples/fastapi-endpoints.py",
        "../web/samples/cleaning-house.py",
        "../../bench/gil.py",
    ] {
        let text = std::fs::read_to_string(root.join(file));
        corpus.push((file.to_string(), text.unwrap_or_default()));
    }
    for (name, src) in &corpus {
        assert!(!src.is_empty(), "{name} is missing");
        for (cores, gil) in [(4, true), (1, true), (2, false)] {
            let settings = Settings {
                cores,
                gil,
                ..Settings::default()
            };
            let whole = run(src, &settings);
            let want = serde_json::to_string(&whole.trace).unwrap_or_default();
            for slice in [1usize, 7, 100] {
                let mut session = Session::new(src, &settings);
                let mut slices = 1usize;
                while !session.advance(slice) {
                    slices += 1;
                    assert!(slices < 10_000_000, "{name}: no progress");
                }
                let sliced = session.finish();
                let at = format!("{name}, {cores} cores, GIL {gil}, slices of {slice}");
                assert_eq!(sliced.status, whole.status, "{at}");
                assert_eq!(sliced.stderr, whole.stderr, "{at}");
                let got = serde_json::to_string(&sliced.trace).unwrap_or_default();
                assert!(got == want, "{at}: another trace");
            }
        }
    }
    // The threads' Python really pauses: 5,000 loop iterations in threads
    // are about 10,000 steps, a pause every 2 steps in slices of 1 event.
    // With the GIL they run while the loop waits for them; without it, as
    // soon as `to_thread` hands them over (when its task's step ends).
    let (name, src) = &corpus[0];
    for gil in [true, false] {
        let settings = Settings {
            gil,
            ..Settings::default()
        };
        let events = run(src, &settings).trace.events.len();
        let mut session = Session::new(src, &settings);
        let mut slices = 1usize;
        while !session.advance(1) {
            slices += 1;
        }
        assert!(
            slices > events + 3000,
            "{name}, GIL {gil}: {slices} slices for {events} events"
        );
    }
}

/// A run stopped while a worker thread's Python is paused ends as a limit,
/// with a whole trace so far.
#[test]
fn a_session_stopped_in_a_threads_python_ends_cleanly() {
    let src = "import asyncio\n\ndef crunch():\n    s = 0\n    for i in range(100000):\n        s += i\n    return s\n\nasync def main():\n    print(await asyncio.to_thread(crunch))\n\nasyncio.run(main())\n";
    let mut session = Session::new(src, &Settings::default());
    for _ in 0..50 {
        assert!(!session.advance(10));
    }
    session.stop();
    assert!(session.advance(10));
    let r = session.finish();
    assert_eq!(r.status, loopscope_core::Status::Limit);
    assert!(r.trace.output.is_empty(), "{:?}", r.trace.output);
    check_invariants("stopped in a thread", &r.trace);
}
