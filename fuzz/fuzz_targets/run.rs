//! A whole run of any text under small limits: it ends (normally, with an
//! exception, a deadlock or a limit), within those limits, with a trace that
//! keeps its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loopscope_core::{run, Limits, Settings, Status};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let settings = Settings {
        cores: 1 + u32::from(data.len() as u8 % 4),
        gil: data.len() % 2 == 0,
        limits: Limits {
            max_steps: 20_000,
            max_time: 60.0,
            max_tasks: 200,
            max_depth: 64,
            max_output_bytes: 64 << 10,
            max_memory: 64 << 20,
        },
    };
    let r = run(source, &settings);
    if r.status == Status::CompileError {
        assert!(!r.compile_errors.is_empty());
        return;
    }
    if let Err(e) = r.trace.check_invariants() {
        panic!("trace invariant broken: {e}");
    }
    let bytes: usize = r.trace.output.iter().map(|l| l.text.len() + 1).sum();
    assert!(bytes <= (64 << 10) + 4096, "output {bytes} bytes past its limit");
    assert!(r.trace.tasks.len() <= 201, "{} tasks", r.trace.tasks.len());
});
