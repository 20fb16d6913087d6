//! The code editor: CodeMirror 6 (bundled from npm into `window.LoopscopeEditor`), driven
//! through a small wasm-bindgen interface. The bundle is not part of the page's
//! initial download: the pane first shows a plain textarea, and right after the
//! first render the bundle's `<script>` is added; once it has run, CodeMirror
//! takes over from the textarea (text, selection, focus, scroll). If it cannot
//! be loaded, the textarea stays.

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::Model;
use crate::shared::{effect, handler, shared};

#[wasm_bindgen]
extern "C" {
    /// The handle `LoopscopeEditor.create` returns.
    pub(crate) type EditorHandle;

    /// A new editor in `parent` taking over from `textarea` (its text, selection,
    /// focus and scroll); throws if the bundle is missing.
    #[wasm_bindgen(js_namespace = LoopscopeEditor, js_name = create, catch)]
    fn editor_create(
        parent: &web_sys::HtmlElement,
        doc: &JsValue,
        on_change: &js_sys::Function,
        textarea: &web_sys::Element,
    ) -> Result<EditorHandle, JsValue>;

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

/// Add the editor bundle's `<script>` to the page, `on_done` listening for its
/// `load` and `error` events; false if there is nothing to load. www/post-build.mjs
/// names the bundle (with its content hash) and its integrity in
/// `<meta name="loopscope-editor" content="…" data-integrity="…">`.
fn load_bundle(on_done: &js_sys::Function) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(meta) = doc
        .query_selector("meta[name=loopscope-editor]")
        .ok()
        .flatten()
    else {
        return false;
    };
    let (Some(src), Some(body)) = (meta.get_attribute("content"), doc.body()) else {
        return false;
    };
    let Ok(script) = doc.create_element("script") else {
        return false;
    };
    let integrity = meta.get_attribute("data-integrity").unwrap_or_default();
    script.set_attribute("src", &src).is_ok()
        && (integrity.is_empty() || script.set_attribute("integrity", &integrity).is_ok())
        && script
            .add_event_listener_with_callback("load", on_done)
            .is_ok()
        && script
            .add_event_listener_with_callback("error", on_done)
            .is_ok()
        && body.append_child(&script).is_ok()
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
    // The textarea shows until CodeMirror has taken over, and for good if the
    // bundle could not be loaded (`plain_only`).
    let codemirror = RwSignal::new(false);
    let plain_only = RwSignal::new(false);
    let handle: StoredValue<Option<EditorHandle>, LocalStorage> = StoredValue::new_local(None);

    // CodeMirror takes over from the textarea in the task in which its bundle
    // ran, so that no keystroke falls between the two. After a panic the
    // reactive state may be locked: the textarea stays.
    let take_over = move |loaded: bool| {
        if crate::panic::happened() || codemirror.get_untracked() || plain_only.get_untracked() {
            return;
        }
        let el = host.get_untracked();
        let area = el
            .as_ref()
            .and_then(|el| el.query_selector("textarea").ok().flatten());
        let (Some(el), Some(area), true) = (el, area, loaded && bundle_loaded()) else {
            plain_only.set(true);
            return;
        };
        let cb = Closure::<dyn FnMut(String)>::new(move |doc: String| edited(on_edit, doc));
        match editor_create(&el, &JsValue::NULL, cb.as_ref().unchecked_ref(), &area) {
            Ok(h) => {
                cb.forget();
                // The textarea's text is the model's (every input event edits
                // it); should they differ, what the person saw wins.
                let doc = h.get_doc();
                handle.set_value(Some(h));
                codemirror.set(true);
                if model.scenario.with_untracked(|s| s.code != doc) {
                    edited(on_edit, doc);
                }
            }
            Err(_) => {
                // It may have hidden the textarea before failing.
                let _ = area.remove_attribute("hidden");
                plain_only.set(true);
            }
        }
    };
    let on_done = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        take_over(ev.type_() == "load")
    });
    // Right after the first render: the next animation frame draws the page
    // for the first time, and the bundle is asked for at the start of the
    // frame after, so that nothing of it competes with that first one.
    request_animation_frame(move || {
        request_animation_frame(move || {
            if !load_bundle(on_done.as_ref().unchecked_ref()) {
                take_over(false);
            }
            // The script's listeners own it now.
            on_done.forget();
        })
    });

    // A new scenario from outside (sample, link, history): replace the text.
    // (The textarea follows the model by itself.)
    effect(move || {
        model.loads.track();
        let code = model.scenario.with_untracked(|s| s.code.clone());
        handle.with_value(|h| {
            if let Some(h) = h {
                h.set_doc(&code);
            }
        });
    });

    // Compile errors: underline them, message on hover (once CodeMirror is there).
    effect(move || {
        codemirror.track();
        let list = js_sys::Array::new();
        model.latest.with(|r| {
            for e in &r.errors {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &"from".into(), &JsValue::from(e.start));
                let _ =
                    js_sys::Reflect::set(&o, &"to".into(), &JsValue::from(e.end.max(e.start + 1)));
                let _ = js_sys::Reflect::set(&o, &"message".into(), &JsValue::from_str(&e.message));
                list.push(&o);
            }
        });
        handle.with_value(|h| {
            if let Some(h) = h {
                h.set_diagnostics(&list);
            }
        });
    });

    // The line of the task that is running (or that the current event is about);
    // sent to the editor only when it changes (a film at 10x steps every frame).
    // (A new program in the editor is sent again: `loads` is part of the key;
    // and so is CodeMirror arriving, since nothing was sent before.)
    let mut shown = None;
    effect(move || {
        codemirror.track();
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
        if shown == Some((line, loads)) {
            return;
        }
        shown = handle.with_value(|h| {
            h.as_ref().map(|h| {
                h.highlight_line(line);
                (line, loads)
            })
        });
    });

    view! {
        <div class="editor-host" data-testid="editor" node_ref=host>
            // The textarea until CodeMirror takes over, then two empty markers, as leptos'
            // <Show> left them (not used: it brings a memo and a type-erased view).
            {shared(move || if codemirror.get() {
                Either::Right(((), ()))
            } else {
                Either::Left(view! {
                    <textarea
                        class="editor-fallback"
                        aria-label="Python program"
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        wrap="off"
                        prop:value=shared(move || model.scenario.with(|s| s.code.clone()))
                        on:input=handler(move |ev| edited(on_edit, event_target_value(&ev)))
                    ></textarea>
                })
            })}
        </div>
        <p class="editor-note" data-testid="editor-note" role="status" class:hidden=shared(move || !plain_only.get())>
            "The full editor could not be loaded: this plain one edits the program just the same."
        </p>
    }
}
