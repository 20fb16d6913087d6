//! Runs every program of `../shared/conformance/` (when present), of
//! `tests/programs/` and the page's samples (`crates/web/samples/`) through the core and compares with CPython's output,
//! produced by `../shared/tools/asyncio_oracle.py`: stdout byte for byte,
//! the exit status, and the last stderr line when the status is not 0.

use std::path::{Path, PathBuf};

use loopscope_core::{format_seconds, run, Settings};

struct Case {
    name: String,
    source: String,
    out: String,
    exit: i32,
    err: Option<String>,
}

/// The programs of `dir` with their expected output. With `all_expected`, a
/// program without one is an error; without, it is skipped (the page's thread
/// samples, which the oracle cannot run on the virtual clock).
fn load(dir: &Path, all_expected: bool) -> Vec<Case> {
    let mut names: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect(),
        Err(_) => return Vec::new(),
    };
    names.sort();
    let mut cases = Vec::new();
    for py in names {
        let read = |ext: &str| std::fs::read_to_string(py.with_extension(ext));
        if !all_expected && !py.with_extension("out").is_file() {
            continue;
        }
        let (Ok(source), Ok(out), Ok(exit)) = (read("py"), read("out"), read("exit")) else {
            panic!("{} lacks its .out or .exit file", py.display());
        };
        cases.push(Case {
            name: py
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            source,
            out,
            exit: exit.trim().parse().unwrap_or(-1),
            err: read("err")
                .ok()
                .map(|e| e.trim_end_matches('\n').to_string()),
        });
    }
    cases
}

/// Run one case; `None` if it matches, else a description of the difference.
fn check(case: &Case) -> Option<String> {
    let r = run(&case.source, &Settings::default());
    let mut out = String::new();
    for l in &r.trace.output {
        out.push_str(&format_seconds(l.t));
        out.push('\t');
        out.push_str(&l.text);
        out.push('\n');
    }
    let mut problems = Vec::new();
    if out != case.out {
        let first = out.lines().zip(case.out.lines()).position(|(a, b)| a != b);
        let at = first.unwrap_or_else(|| out.lines().count().min(case.out.lines().count()));
        problems.push(format!(
            "stdout differs at line {}:\n  expected: {:?}\n  actual:   {:?}",
            at + 1,
            case.out.lines().nth(at),
            out.lines().nth(at)
        ));
    }
    let code = r.status.exit_code();
    if code != case.exit {
        problems.push(format!("exit status {code}, expected {}", case.exit));
    }
    if let Some(err) = &case.err {
        let last = r.stderr.last().cloned().unwrap_or_default();
        if &last != err {
            problems.push(format!("last stderr line {last:?}, expected {err:?}"));
        }
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!("{}: {}", case.name, problems.join("\n  ")))
    }
}

fn run_folder(dir: &Path, all_expected: bool) -> usize {
    let cases = load(dir, all_expected);
    let failures: Vec<String> = cases.iter().filter_map(check).collect();
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    cases.len()
}

#[test]
fn shared_conformance_corpus_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance");
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/conformance not found (it sits beside the checkout, not in a user's clone)");
        return;
    }
    let n = run_folder(&dir, true);
    assert_eq!(n, 30, "the shared corpus has 30 programs");
}

#[test]
fn project_programs_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let n = run_folder(&dir, true);
    assert!(n >= 10, "only {n} programs in tests/programs");
}

#[test]
fn the_pages_samples_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/samples");
    let n = run_folder(&dir, false);
    assert!(n >= 9, "only {n} samples have CPython's output beside them");
}
