//! One type for the page's reactive values, views and callbacks, whatever closure makes them.
//!
//! leptos compiles the code that renders a reactive value (its effect, its first build and
//! its updates) once per closure type: every `move ||` in a view gets its own copy. Boxed as
//! `Arc<dyn Fn() -> T>`, the closures of one value type share that code, which keeps the
//! page's wasm smaller; it costs one indirect call when the value is recomputed. The same
//! holds for effects, event handlers, one-shot JavaScript callbacks, and for each type of
//! value a signal or a memo holds: the page keeps few such types (texts are `String`s,
//! numbers `u32` or `f64`), and views of one shape share a function here ([`item`],
//! [`option`]). Every such change was kept only when it made the gzipped wasm smaller.

use std::sync::Arc;

use leptos::prelude::*;

/// A reactive value, computed by `f` whenever what it reads changes.
pub(crate) type Shared<T> = Arc<dyn Fn() -> T + Send + Sync>;

/// `f` as a [`Shared`] value.
pub(crate) fn shared<T: 'static>(f: impl Fn() -> T + Send + Sync + 'static) -> Shared<T> {
    Arc::new(f)
}

/// A line of a list that is rebuilt whenever it changes (compile errors, warnings, queued
/// work, the console): one type of item for them all keeps one copy of the code that
/// rebuilds the lists. A console line carries its virtual time (`at`: `data-t`, and
/// `data-ts` as shown).
pub(crate) fn item(
    class: Option<&'static str>,
    testid: Option<&'static str>,
    at: Option<(String, String)>,
    text: String,
) -> impl IntoView {
    let (t, ts) = at.unzip();
    view! { <li class=class data-testid=testid data-t=t data-ts=ts>{text}</li> }
}

/// An effect: `f` runs once after the first render, then whenever what it read changes.
/// Boxed, so that the page's effects share one copy of leptos' code that runs an effect.
pub(crate) fn effect(f: impl FnMut() + 'static) {
    Effect::new(Box::new(f) as Box<dyn FnMut()>);
}

/// An event handler, boxed: the handlers of one event share one copy of leptos' code
/// that attaches a handler.
pub(crate) fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// An `<option>` of a `<select>`: one type of view for the page's three lists of them.
pub(crate) fn option(value: String, text: String, selected: bool) -> impl IntoView {
    view! { <option value=value selected=selected>{text}</option> }
}

/// `f` as a JavaScript function to call once; boxed, so that the page's callbacks share
/// one copy of wasm-bindgen's code that wraps one.
pub(crate) fn js_once(f: Box<dyn FnOnce()>) -> wasm_bindgen::JsValue {
    wasm_bindgen::closure::Closure::once_into_js(f)
}
