//! The scheduler, fuzzed with valid programs (loopscope-progen turns the
//! fuzzer's bytes into an asyncio program): every run compiles, ends within
//! its limits with a trace that keeps its invariants, and is the same run
//! when made again.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use loopscope_core::{run, Limits, Settings, Status};
use loopscope_progen::{program, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = program(&mut Unstructured::new(data), Options::default()) else {
        return;
    };
    let settings = Settings {
        cores: 1 + u32::from(data.first().copied().unwrap_or(0) % 4),
        gil: data.get(1).is_none_or(|b| b % 2 == 0),
        limits: Limits {
            max_steps: 200_000,
            ..Limits::default()
        },
    };
    let r = run(&source, &settings);
    assert!(
        r.compile_errors.is_empty(),
        "a generated program does not compile: {:?}\n{source}",
        r.compile_errors
    );
    assert!(
        matches!(r.status, Status::Ok | Status::Exception | Status::Deadlock | Status::Limit),
        "{:?}",
        r.status
    );
    if let Err(e) = r.trace.check_invariants() {
        panic!("trace invariant broken: {e}\n{source}");
    }
    assert_eq!(r.digest(), run(&source, &settings).digest(), "two runs differ\n{source}");
});
