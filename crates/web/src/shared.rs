//! One type for the page's reactive values, whatever closure computes them.
//!
//! leptos compiles the code that renders a reactive value (its effect, its first build and
//! its updates) once per closure type: every `move ||` in a view gets its own copy. Boxed as
//! `Arc<dyn Fn() -> T>`, the closures of one value type share that code, which keeps the
//! page's wasm smaller; it costs one indirect call when the value is recomputed. It pays
//! where several closures give one type of view (the `class:` toggles, the lists of
//! [`item`]s, a button's icon and label, the texts).

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
