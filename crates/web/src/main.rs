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

fn main() {
    // First, so that a panic anywhere after shows the error panel.
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
