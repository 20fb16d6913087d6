//! Where the scenario is kept between visits: the URL fragment (what a
//! reload or a shared link opens) and localStorage (what a visit without a
//! link opens). Both are written on every edit, from the editor's change
//! handler, so that a tab closed right after a keystroke loses nothing.
//!
//! Nothing here touches leptos: the error panel (`panic`) uses the same
//! functions after a panic, when the reactive state may be unusable.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The localStorage entry holding the last edited scenario, as a fragment
/// (`code/…&cores=8`) without its `#`.
pub(crate) const STORAGE_KEY: &str = "loopscope.scenario";

/// URL writes allowed per `URL_WINDOW_MS`. Chromium ignores history updates
/// past 200 in 10 seconds (with a console warning); a held-down key repeats
/// 30 times a second, so writes past this budget wait for the next window.
const URL_BUDGET: u32 = 100;
const URL_WINDOW_MS: f64 = 10_000.0;

thread_local! {
    /// When the current URL budget window started, and the writes in it.
    static URL_WINDOW: Cell<(f64, u32)> = const { Cell::new((f64::NEG_INFINITY, 0)) };
    /// The fragment waiting for the next window, if the budget ran out.
    static URL_PENDING: Cell<Option<String>> = const { Cell::new(None) };
    /// Whether the person was told that saving failed (once is enough).
    static SAVE_WARNED: Cell<bool> = const { Cell::new(false) };
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The location's fragment, with its `#` (empty when there is none).
pub(crate) fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// localStorage, if this browser lets the page use it (it throws when
/// storage is disabled, and is missing in some sandboxed frames).
fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The scenario saved by the last edit in this browser, if any.
pub(crate) fn saved() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Show `fragment` in the address bar: a new history entry when `push`,
/// else in place of the current one.
pub(crate) fn set_hash(fragment: &str, push: bool) {
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let url = format!("#{fragment}");
    if location_hash() == url {
        return;
    }
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Replace the URL's fragment with an edit's, now if the budget allows,
/// else when the budget window ends (only the latest fragment is written).
fn replace_hash_budgeted(fragment: String) {
    let now = now_ms();
    let (start, count) = URL_WINDOW.get();
    let (start, count) = if now - start >= URL_WINDOW_MS {
        (now, 0)
    } else {
        (start, count)
    };
    if count < URL_BUDGET {
        URL_WINDOW.set((start, count + 1));
        URL_PENDING.set(None);
        set_hash(&fragment, false);
        return;
    }
    // Out of budget: remember the newest fragment; one timer writes it.
    if URL_PENDING.replace(Some(fragment)).is_none() {
        let wait = (start + URL_WINDOW_MS - now).max(0.0) as i32 + 1;
        let write = crate::shared::js_once(Box::new(move || {
            if let Some(f) = URL_PENDING.take() {
                replace_hash_budgeted(f);
            }
        }));
        if let Some(w) = window() {
            let _ = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(write.unchecked_ref(), wait);
        }
    }
}

fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Keep an edited scenario: in localStorage and in the URL, at once.
/// Returns a message the first time saving to localStorage fails (storage
/// disabled, or full), and `None` otherwise: the person hears about it once,
/// and the link still holds the program.
pub(crate) fn save_edit(fragment: &str) -> Option<&'static str> {
    let stored = storage().is_some_and(|s| s.set_item(STORAGE_KEY, fragment).is_ok());
    replace_hash_budgeted(fragment.to_string());
    if stored || SAVE_WARNED.replace(true) {
        return None;
    }
    Some(
        "This browser does not let loopscope save your program (its storage is disabled or full). \
         The address bar still holds it: copy the link to keep it.",
    )
}
