//! The core alone in wasm, for `tests/browser/determinism.test.mjs`.
//! `cargo xtask` builds it beside the page, with the page's profile, into
//! `dist/probe/` (`loopscope_probe.js` and its `.wasm`), which the test
//! imports into the page: the page itself never loads it, so the digest
//! (which serializes a whole trace: 1.7 KB of gzipped wasm) is not part of
//! its download. (Benchmarks time the page's own wasm: `bench_run` in
//! crates/web.)

use loopscope_core::{run, Settings};
use wasm_bindgen::prelude::wasm_bindgen;

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
