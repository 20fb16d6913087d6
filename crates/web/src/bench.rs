//! The core alone, for `bench/browser/wasm-bench.mjs`: not used by the page
//! itself, but timed in the page's own wasm (the same core built into
//! `crates/probe` ran 10–15% slower in Chromium, for no reason found). It
//! costs the download 0.5 KB.

use loopscope_core::{run, Settings};
use wasm_bindgen::prelude::wasm_bindgen;

/// Simulate `source` with the default settings and its full trace, and return the
/// number of trace events. Trunk exposes it to the page as `window.wasmBindings.bench_run`.
#[wasm_bindgen]
pub fn bench_run(source: &str) -> u32 {
    let r = run(source, &Settings::default());
    u32::try_from(r.trace.events.len()).unwrap_or(u32::MAX)
}
