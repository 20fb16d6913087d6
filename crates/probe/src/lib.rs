//! The core alone in wasm, for `tests/browser/determinism.test.mjs` and
//! `bench/browser/wasm-bench.mjs`. `cargo xtask` builds it beside the page,
//! with the page's profile, into `dist/probe/` (`loopscope_probe.js` and its
//! `.wasm`), which the tests import into the page: the page itself never
//! loads it, so these hooks (the digest serializes a whole trace, 1.7 KB of
//! gzipped wasm) are not part of its download.

use loopscope_core::{run, Settings};
use wasm_bindgen::prelude::wasm_bindgen;

/// Simulate `source` with the default settings and its full trace, and return the
/// number of trace events.
#[wasm_bindgen]
pub fn bench_run(source: &str) -> u32 {
    let r = run(source, &Settings::default());
    u32::try_from(r.trace.events.len()).unwrap_or(u32::MAX)
}

/// Run `source` on a machine of `cores` CPUs, with or without the GIL, and
/// return `RunResult::digest` (16 hex digits), to compare with
/// `loopscope digest` natively.
#[wasm_bindgen]
pub fn trace_digest(source: &str, cores: u32, gil: bool) -> String {
    let settings = Settings {
        cores: cores.clamp(1, 256),
        gil,
        ..Settings::default()
    };
    run(source, &settings).digest()
}
