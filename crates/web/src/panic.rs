//! When the page itself fails: a Rust panic (release builds abort, which
//! traps the WebAssembly instance) or any other trap shows an error panel —
//! what happened, a link to the program in the editor, a way to copy it, a
//! Reload button — instead of a dead page, and the editor keeps working.
//!
//! After a panic the reactive state may be half-updated and its locks held
//! forever (nothing unwinds), so everything from here on avoids leptos: the
//! panel is built with web_sys (text only, never HTML), the program is read
//! from the editor and the settings from their controls in the DOM, and the
//! editor's change handler saves through `persist` alone once `happened()`.
//!
//! For the browser tests, `window.loopscopeDebug.panic()` panics on purpose
//! (see `install_debug`): a function to call from the console or a test, so
//! that no shared link can trigger it.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::persist;
use crate::share::{self, Scenario};

/// Set by the first panic or trap; read by every path that could touch leptos.
static HAPPENED: AtomicBool = AtomicBool::new(false);

const PANEL_ID: &str = "crash-panel";

/// Whether the page failed: then only the editor and the panel still work.
pub(crate) fn happened() -> bool {
    HAPPENED.load(Ordering::Relaxed)
}

/// Install the panic hook, and a listener that treats a WebAssembly trap
/// without a panic (a stack overflow, say) the same way. Call first thing.
pub(crate) fn install() {
    std::panic::set_hook(Box::new(|info| {
        HAPPENED.store(true, Ordering::Relaxed);
        let what = describe(info);
        web_sys::console::error_1(&JsValue::from_str(&format!("loopscope panicked: {what}")));
        show_panel(&what);
    }));
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|ev: web_sys::ErrorEvent| {
        if ev
            .error()
            .is_instance_of::<js_sys::WebAssembly::RuntimeError>()
        {
            HAPPENED.store(true, Ordering::Relaxed);
            show_panel(&format!("the page's WebAssembly stopped: {}", ev.message()));
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    }
    on_error.forget();
}

/// `window.loopscopeDebug.panic()`: run `trigger`, which panics. Documented in
/// ARCHITECTURE.md; the browser tests use it to check the error panel.
pub(crate) fn install_debug(trigger: impl Fn() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let debug = js_sys::Object::new();
    let panic = Closure::<dyn Fn()>::new(trigger);
    let _ = js_sys::Reflect::set(&debug, &"panic".into(), panic.as_ref());
    panic.forget();
    let _ = js_sys::Reflect::set(
        &w,
        &"loopscopeDebug".into(),
        &js_sys::Object::freeze(&debug),
    );
}

/// The panic's message and where it happened, in one line or two.
fn describe(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    match info.location() {
        Some(l) => format!("{message}\n(at {}:{}:{})", l.file(), l.line(), l.column()),
        None => message.to_string(),
    }
}

/// An edit after the page failed: save it (localStorage and the URL) and
/// update the panel's link. The editor's change handler calls this instead
/// of the app's, which would touch the broken state.
pub(crate) fn edited_after(code: String) {
    let fragment = fragment_for(code);
    let _ = persist::save_edit(&fragment);
    if let Some(input) = link_field() {
        input.set_value(&link_for(&fragment));
    }
}

/// The scenario now in the page as a fragment: the editor's text, with the
/// settings its controls show.
fn fragment_for(code: String) -> String {
    let (cores, gil) = settings_in_page();
    share::encode(&Scenario {
        cores,
        gil,
        ..Scenario::new(code)
    })
}

/// The cores and GIL controls' values (4 cores and the GIL on if unreadable).
fn settings_in_page() -> (u32, bool) {
    let read = |selector: &str, key: &str| {
        element(selector).and_then(|e| js_sys::Reflect::get(&e, &key.into()).ok())
    };
    let cores = read("[data-testid=cores]", "value")
        .and_then(|v| v.as_string())
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|n| (1..=64).contains(n))
        .unwrap_or(4);
    let gil = read("[data-testid=gil]", "checked")
        .and_then(|v| v.as_bool())
        .unwrap_or(true);
    (cores, gil)
}

/// The page's address with `fragment` as its fragment.
fn link_for(fragment: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

fn element(selector: &str) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()
}

/// Show the error panel (once: a later panic or trap keeps the first,
/// which is the cause) and dim the parts of the page that no longer work.
fn show_panel(what: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let Some(body) = doc.body() else { return };
    let code = crate::editor::text_in_page().unwrap_or_default();
    let link = link_for(&fragment_for(code));
    if let Some(panel) = build_panel(&doc, what, &link) {
        // First in the page: on a phone it sits above the page, in the flow
        // (the stylesheet fixes it to a corner on wider screens).
        let _ = body.insert_adjacent_element("afterbegin", &panel);
        let _ = body.set_attribute("data-crashed", "");
    }
}

/// The panel's elements in document order: the index of the parent (the
/// panel is the first), tag, class (also the test id) and text.
const PANEL: [(usize, &str, &str, &str); 10] = [
    (0, "section", PANEL_ID, ""),
    (0, "h2", "", "loopscope hit a bug and stopped"),
    (
        0,
        "p",
        "crash-intro",
        "The simulation and the stage no longer respond. Your program is safe: the editor still \
         works and every edit is saved in this browser. Copy the link to keep it, or reload the page.",
    ),
    (0, "pre", "crash-message", ""),
    (0, "label", "crash-link-label", ""),
    (4, "span", "", "Link to your program"),
    (4, "input", "crash-link", ""),
    (0, "div", "crash-actions", ""),
    (7, "button", "crash-copy", "Copy link"),
    (7, "button", "crash-reload", "Reload"),
];

/// The panel's DOM, text only: `what` in its message, `link` in its field.
fn build_panel(doc: &web_sys::Document, what: &str, link: &str) -> Option<web_sys::Element> {
    let mut els: Vec<web_sys::Element> = Vec::with_capacity(PANEL.len());
    for (parent, tag, class, text) in PANEL {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            let _ = e.set_attribute("class", class);
            let _ = e.set_attribute("data-testid", class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        if let Some(p) = els.get(parent) {
            let _ = p.append_child(&e);
        }
        els.push(e);
    }
    let panel = els.first()?;
    let _ = panel.set_attribute("id", PANEL_ID);
    let _ = panel.set_attribute("role", "alert");
    els.get(3)?.set_text_content(Some(what));
    let input = els.get(6)?;
    let _ = input.set_attribute("readonly", "");
    let _ = input.set_attribute("spellcheck", "false");
    let _ = input.set_attribute("value", link);
    // One listener for both buttons.
    let click = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.get_attribute("data-testid"));
        match id.as_deref() {
            Some("crash-copy") => copy_link(),
            Some("crash-reload") => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
            _ => {}
        }
    });
    let _ = panel.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
    Some(panel.clone())
}

const LINK_FIELD: &str = "#crash-panel [data-testid=crash-link]";

/// The panel's link field, if the panel is shown.
fn link_field() -> Option<web_sys::HtmlInputElement> {
    element(LINK_FIELD)?.dyn_into().ok()
}

/// Put the panel's link on the clipboard, and select it in its field so that
/// it can be copied by hand if the clipboard is not available.
fn copy_link() {
    let (Some(input), Some(w)) = (link_field(), web_sys::window()) else {
        return;
    };
    input.select();
    let copied = Closure::<dyn FnMut(JsValue)>::new(|_| {
        if let Some(b) = element("#crash-panel [data-testid=crash-copy]") {
            b.set_text_content(Some("Link copied"));
        }
    });
    let _ = w
        .navigator()
        .clipboard()
        .write_text(&input.value())
        .then(&copied);
    // It runs once per click: small enough to leave behind.
    copied.forget();
}
