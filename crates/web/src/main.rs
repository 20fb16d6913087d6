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
mod share;
mod stage;
mod timeline;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
