//! The playground page's entry point: mount the app, nothing else.

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
mod playback;
mod samples;
mod stage;
mod timeline;

/// Scenario links live in a crate of their own, so that they can be fuzzed natively.
use loopscope_share as share;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
