//! The playground page's entry point: install the error panel's panic hook, mount the app.

// leptos' #[component] expands crate-visible functions into public items, and
// nothing in a binary is reachable from outside anyway.
#![allow(unreachable_pub)]

mod app;
mod bench;
mod console;
mod controls;
mod editor;
mod icons;
mod model;
mod panic;
mod persist;
mod playback;
mod samples;
mod shared;
mod stage;
mod timeline;

/// Scenario links live in a crate of their own, so that they can be fuzzed natively.
use loopscope_share as share;

/// The page's allocator: talc instead of std's dlmalloc, smaller in the
/// download and faster at a run's many small allocations.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // First, so that a panic anywhere after shows the error panel.
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
