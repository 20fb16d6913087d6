//! Golden traces: each `tests/traces/NAME.py` beside `NAME.trace`, the events
//! rendered one per line with their explanation. A change in scheduling shows
//! up as a readable diff. Regenerate with `UPDATE_TRACES=1 cargo test` and
//! review the diff against CPython's rules (SPEC §2) before committing.

use std::fmt::Write as _;
use std::path::Path;

use loopscope_core::{explain, run, Settings};

fn render(source: &str) -> String {
    let r = run(source, &Settings::default());
    let tr = &r.trace;
    let mut out = String::new();
    for t in &tr.tasks {
        let _ = writeln!(out, "task {} = {}", t.id, t.label());
    }
    for (i, e) in tr.events.iter().enumerate() {
        let _ = writeln!(
            out,
            "{i:>3} pass {:>2} t={:.3} line {:>2} | {}",
            e.iter,
            e.t,
            e.line,
            explain(tr, i)
        );
    }
    let _ = writeln!(out, "end {:?} at {:.3}", tr.end, tr.end_time);
    out
}

#[test]
fn traces_match_their_reviewed_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/traces");
    let update = std::env::var_os("UPDATE_TRACES").is_some();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/traces exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    names.sort();
    assert!(names.len() >= 3);
    let mut stale = Vec::new();
    for py in names {
        let source = std::fs::read_to_string(&py).expect("read program");
        let got = render(&source);
        let golden = py.with_extension("trace");
        if update {
            std::fs::write(&golden, &got).expect("write snapshot");
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            stale.push(format!("{}:\n{got}", golden.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "traces changed (UPDATE_TRACES=1 to accept after review):\n{}",
        stale.join("\n")
    );
}
