//! The core alone, for `bench/browser/wasm-bench.mjs` and
//! `tests/browser/determinism.test.mjs`: not used by the page itself.

use loopscope_core::{run, Settings};
use wasm_bindgen::prelude::wasm_bindgen;

/// Simulate `source` with the default settings and its full trace, and return the
/// number of trace events. Trunk exposes it to the page as `window.wasmBindings.bench_run`.
#[wasm_bindgen]
pub fn bench_run(source: &str) -> u32 {
    let r = run(source, &Settings::default());
    u32::try_from(r.trace.events.len()).unwrap_or(u32::MAX)
}

/// Run `source` on a machine of `cores` CPUs, with or without the GIL, and
/// return `RunResult::digest` (16 hex digits), to compare with
/// `loopscope digest` natively. `window.wasmBindings.trace_digest` on the page.
#[wasm_bindgen]
pub fn trace_digest(source: &str, cores: u32, gil: bool) -> String {
    let settings = Settings {
        cores: cores.clamp(1, 256),
        gil,
        ..Settings::default()
    };
    run(source, &settings).digest()
}
