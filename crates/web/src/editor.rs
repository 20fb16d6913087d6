//! The code editor: CodeMirror 6 (bundled from npm into `window.LoopscopeEditor`), driven
//! through a small wasm-bindgen interface; a plain textarea if the bundle is missing.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Model;

#[wasm_bindgen]
extern "C" {
    /// The handle `LoopscopeEditor.create` returns.
    pub(crate) type EditorHandle;

    #[wasm_bindgen(js_namespace = LoopscopeEditor, js_name = create)]
    fn editor_create(
        parent: &web_sys::HtmlElement,
        doc: &str,
        on_change: &js_sys::Function,
    ) -> EditorHandle;

    /// The editor made in `parent`, or null; throws if the bundle is missing.
    #[wasm_bindgen(js_namespace = LoopscopeEditor, js_name = of, catch)]
    fn editor_of(parent: &web_sys::Element) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, js_name = getDoc)]
    fn get_doc(this: &EditorHandle) -> String;

    #[wasm_bindgen(method, js_name = setDoc)]
    fn set_doc(this: &EditorHandle, doc: &str);

    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &EditorHandle, list: &JsValue);

    #[wasm_bindgen(method, js_name = highlightLine)]
    fn highlight_line(this: &EditorHandle, line: u32);
}

fn bundle_loaded() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&w, &JsValue::from_str("LoopscopeEditor")).is_ok_and(|v| v.is_object())
}

/// The program in the editor, read from the page (CodeMirror, or the
/// fallback textarea) without leptos: for the error panel after a panic.
pub(crate) fn text_in_page() -> Option<String> {
    let host = web_sys::window()?
        .document()?
        .query_selector("[data-testid=editor]")
        .ok()??;
    if let Ok(handle) = editor_of(&host) {
        if handle.is_object() {
            return Some(handle.unchecked_into::<EditorHandle>().get_doc());
        }
    }
    let textarea = host.query_selector("textarea").ok()??;
    js_sys::Reflect::get(&textarea, &"value".into())
        .ok()?
        .as_string()
}

/// A user edit: the app's handler, or after a panic the one that avoids
/// the (possibly broken) reactive state.
fn edited(on_edit: Callback<String>, doc: String) {
    if crate::panic::happened() {
        crate::panic::edited_after(doc);
    } else {
        on_edit.run(doc);
    }
}

/// The editor pane. `on_edit` gets the new text after each user edit.
#[component]
pub(crate) fn Editor(model: Model, on_edit: Callback<String>) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let fallback = RwSignal::new(false);
    let handle: StoredValue<Option<EditorHandle>, LocalStorage> = StoredValue::new_local(None);

    Effect::new(move |_| {
        let Some(el) = host.get() else { return };
        if handle.with_value(|h| h.is_some()) || fallback.get_untracked() {
            return;
        }
        if !bundle_loaded() {
            fallback.set(true);
            return;
        }
        let cb = Closure::<dyn FnMut(String)>::new(move |doc: String| edited(on_edit, doc));
        let doc = model.scenario.get_untracked().code;
        let h = editor_create(&el, &doc, cb.as_ref().unchecked_ref());
        cb.forget();
        handle.set_value(Some(h));
    });

    // A new scenario from outside (sample, link, history): replace the text.
    Effect::new(move |_| {
        model.loads.track();
        let code = model.scenario.with_untracked(|s| s.code.clone());
        handle.with_value(|h| {
            if let Some(h) = h {
                h.set_doc(&code);
            }
        });
    });

    // Compile errors: underline them, message on hover.
    Effect::new(move |_| {
        let errors = model.errors.get();
        let list = js_sys::Array::new();
        for e in &errors {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &"from".into(), &JsValue::from(e.start));
            let _ = js_sys::Reflect::set(&o, &"to".into(), &JsValue::from(e.end.max(e.start + 1)));
            let _ = js_sys::Reflect::set(&o, &"message".into(), &JsValue::from_str(&e.message));
            list.push(&o);
        }
        handle.with_value(|h| {
            if let Some(h) = h {
                h.set_diagnostics(&list);
            }
        });
    });

    // The line of the task that is running (or that the current event is about);
    // sent to the editor only when it changes (a film at 10x steps every frame).
    // (A new program in the editor is sent again: `loads` is part of the key.)
    Effect::new(move |shown: Option<Option<(u32, u64)>>| {
        let loads = model.loads.get();
        let snap = model.snapshot.get();
        let run = model.run.get();
        let line = snap
            .tasks
            .iter()
            .find(|t| t.lane == loopscope_core::Lane::Running)
            .map(|t| t.line)
            .or_else(|| {
                snap.step
                    .checked_sub(1)
                    .and_then(|i| run.trace.events.get(i as usize))
                    .map(|e| e.line)
            })
            .unwrap_or(0);
        if shown.flatten() == Some((line, loads)) {
            return Some((line, loads));
        }
        handle.with_value(|h| {
            h.as_ref().map(|h| {
                h.highlight_line(line);
                (line, loads)
            })
        })
    });

    view! {
        <div class="editor-host" data-testid="editor" node_ref=host>
            <Show when=move || fallback.get()>
                <textarea
                    class="editor-fallback"
                    aria-label="Python program"
                    spellcheck="false"
                    prop:value=move || model.scenario.with(|s| s.code.clone())
                    on:input=move |ev| edited(on_edit, event_target_value(&ev))
                ></textarea>
            </Show>
        </div>
    }
}
