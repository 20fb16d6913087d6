//! The playground page's entry point: mount the app, nothing else.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| view! { <p data-testid="message">"loopscope"</p> });
}
